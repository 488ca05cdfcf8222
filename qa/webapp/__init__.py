"""The Gradio web app: ``render`` (HTML), ``service`` (searchers, index updates, locks),
``handlers`` (UI events), ``api`` (named JSON endpoints), ``layout`` (the Blocks page) and
``main`` (``python app.py``)."""

"""The Gradio web app, one job per module.

``service`` owns the searchers, index updates and their locks (``undo`` keeps the generation
before the last change; ``messages`` words errors for people); ``modes`` reads which retrieval
modes the searcher offers; ``context`` places a hit in its section; ``compare`` and ``overlap``
pick passages and find shared wording; ``render`` turns all of it into escaped HTML;
``handlers`` are the UI events, ``api`` the named JSON endpoints, ``layout`` the Blocks page and
``main`` the ``python app.py`` entry point.
"""

# The two set-up-and-run commands from the README: `make app` and `make test`.
# torch is pinned to the CPU build (2.13.0) in the same pip call as sentence-transformers, so pip
# never pulls the multi-GB CUDA build.
PYTHON ?= python3
PIP = $(PYTHON) -m pip
TORCH = torch==2.13.0

.PHONY: app install install-test test lint bench

install:
	$(PIP) install -e .

app: install
	$(PYTHON) app.py

install-test:
	$(PIP) install "$(TORCH)" -e ".[test]"
	bash scripts/install-chromium.sh
	bash scripts/install-office.sh
	-bash scripts/install-cjk-font.sh  # best effort: the fpdf2/Typst producers' font; their tests skip without it
	-bash scripts/install-latex.sh  # best effort: without it the LaTeX producer's tests skip and say why
	-bash scripts/install-pdfkit.sh  # best effort: PDFKit (npm) into .pdfkit/; without it the PDFKit producer's tests skip
	-bash scripts/install-scribus.sh  # best effort: Scribus and the AR PL fonts; without them the Scribus producer's tests skip
	-bash scripts/install-pango.sh  # best effort: Pango/cairo for Debian's python3 and the fonts; without them the Pango producer's tests skip
	-bash scripts/install-fop.sh  # best effort: Apache FOP (Java) and the AR PL fonts; without them the FOP producer's tests skip
	-bash scripts/install-pandoc.sh  # best effort: pandoc makes the footnote tests' DOCX/HTML; without it they skip
	-bash scripts/install-wkhtmltopdf.sh  # best effort: wkhtmltopdf (QtWebKit) and the fonts; without them its producer's tests skip
	-bash scripts/install-context.sh  # best effort: ConTeXt MkIV (LuaTeX) and the fonts; without them its producer's tests skip
	-bash scripts/install-prawn.sh  # best effort: Ruby's Prawn (ruby-prawn) and the fonts; without them its producer's tests skip
	-bash scripts/install-pdfbox.sh  # best effort: Java's PDFBox 2 (libpdfbox2-java) and the fonts; without them its producer's tests skip
	-bash scripts/install-font-substitutes.sh  # best effort: four CJK faces, each in a private folder, for the font-substitute test and benchmark

test: install-test
	$(PYTHON) -m ruff check .
	$(PYTHON) -m pytest

bench: install-test
	$(PYTHON) benchmarks/retrieval.py

"""Run the web app: ``python app.py [--index DIR] [--corpus DIR] [--host H] [--port P] [--model NAME]``.

On first launch the index is built from ``corpus/`` (progress on stderr), then the app is served.
"""

import sys

from qa.webapp.main import main

if __name__ == "__main__":
    sys.exit(main())

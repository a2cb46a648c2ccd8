"""The machinery that serves the showcase itself, kept out of app.py's example views."""


class StartupError(SystemExit):
    """A problem found while the app starts: it stops the program with one line, no traceback.

    It is a SystemExit, so when nothing catches it Python prints just its message
    and exits with status 1, whether the app was started by ``python app.py``,
    ``flask run`` or a WSGI server.
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message

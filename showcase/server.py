"""Where ``python app.py`` listens: host and port from the command line or the environment.

The lab picks a random port from 2000 to 9000 and listens on every interface
(``host=''``). Here the port is still random by default, but one that is free,
and the host is ``127.0.0.1`` unless asked otherwise: ``--host 0.0.0.0`` is
what the lab's ``host=''`` means, for Replit or a container.
"""

import argparse
import ipaddress
import os
import random
import socket
from collections.abc import MutableMapping, Sequence
from dataclasses import dataclass

RANDOM_PORTS = range(2000, 9001)


@dataclass(frozen=True)
class ServerOptions:
    host: str
    port: int
    debug: bool

    @property
    def url(self) -> str:
        """The URL to open in a browser on this machine."""
        host = "127.0.0.1" if self.host in ("", "0.0.0.0") else self.host
        host = "[::1]" if host == "::" else f"[{host}]" if ":" in host else host
        return f"http://{host}:{self.port}/"


def port_number(text: str) -> int:
    """A TCP port given as text: a whole number from 1 to 65535."""
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"must be a whole number from 1 to 65535, not {text!r}")
    return int(text)


def is_loopback(host: str) -> bool:
    """Whether only this machine can reach ``host``."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def is_free(host: str, port: int) -> bool:
    """Whether a server could listen on ``host``:``port`` now."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host or None, port, type=socket.SOCK_STREAM)[0]
        with socket.socket(family, kind, proto) as probe:
            probe.bind(address)
    except OSError:
        return False
    return True


def free_port(host: str, ports: Sequence[int] = RANDOM_PORTS, tries: int = 50) -> int:
    """A random port from ``ports`` that is free on ``host``, as the lab picks one."""
    for port in random.sample(ports, min(tries, len(ports))):
        if is_free(host, port):
            return port
    raise OSError(f"no free port found in {ports[0]}-{ports[-1]} after {tries} tries")


def server_options(
    argv: Sequence[str] | None = None, environ: MutableMapping[str, str] = os.environ
) -> ServerOptions:
    """Read ``--host``/``HOST``, ``--port``/``PORT`` and ``--debug``; exit with a message if wrong."""
    parser = argparse.ArgumentParser(prog="python app.py", description="Serve the Flask Templating Showcase.")
    parser.add_argument(
        "--host",
        default=environ.get("HOST", "127.0.0.1"),
        help="address to listen on (default: $HOST or 127.0.0.1; 0.0.0.0 for every interface)",
    )
    parser.add_argument(
        "--port",
        type=port_number,
        default=environ.get("PORT"),
        help="port to listen on (default: $PORT or a free random port from 2000 to 9000)",
    )
    parser.add_argument(
        "--debug",
        action="store_true",
        help="reload when a file changes and show the interactive debugger (loopback hosts only)",
    )
    args = parser.parse_args(argv)
    if args.debug and not is_loopback(args.host):
        parser.error(
            f"--debug is refused with --host {args.host}: the debugger runs any Python code it is sent, "
            "so it may listen only on 127.0.0.1, ::1 or localhost"
        )
    port = args.port
    # With --debug this script runs again in a child process, which is handed the socket its
    # parent bound: the port is taken then, by us.
    restarted = environ.get("WERKZEUG_RUN_MAIN") == "true"
    if port is not None and not restarted and not is_free(args.host, port):
        parser.exit(  # the error alone: the usage would hide it, and the options were right
            2,
            f"{parser.prog}: error: port {port} on {args.host} is in use (another server, or this one "
            "started twice): choose another with --port, or leave --port and PORT out for a free one\n",
        )
    if port is None:
        try:
            port = free_port(args.host)
        except OSError as error:
            parser.error(str(error))
        # --debug restarts this script in a child process: let it find the same port.
        environ["PORT"] = str(port)
    return ServerOptions(host=args.host, port=port, debug=args.debug)

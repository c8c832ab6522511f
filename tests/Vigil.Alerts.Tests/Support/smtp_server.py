"""A real SMTP server for Vigil's tests (Debian's python3-aiosmtpd): plain, STARTTLS or implicit TLS, optional LOGIN/PLAIN auth.

Each accepted message is written to --out as <n>.json: {"mail_from", "rcpt_tos", "data"}. Prints READY when listening.
"""
import argparse
import json
import os
import ssl
import sys
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class Capture:
    def __init__(self, out):
        self.out = out
        self.count = 0
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.count += 1
            name = os.path.join(self.out, f"{self.count:04d}.json")
        record = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "data": envelope.original_content.decode("utf-8", "replace"),
        }
        with open(name + ".tmp", "w", encoding="utf-8") as f:
            json.dump(record, f)
        os.replace(name + ".tmp", name)
        return "250 Message accepted"


def authenticator(user, password):
    def check(server, session, envelope, mechanism, auth_data):
        ok = (isinstance(auth_data, LoginPassword)
              and auth_data.login.decode() == user
              and auth_data.password.decode() == password)
        return AuthResult(success=ok, handled=False)
    return check


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--mode", choices=["plain", "starttls", "tls"], default="plain")
    p.add_argument("--cert")
    p.add_argument("--key")
    p.add_argument("--user")
    p.add_argument("--password")
    a = p.parse_args()

    kwargs = {}
    context = None
    if a.mode != "plain":
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(a.cert, a.key)
    if a.mode == "starttls":
        kwargs.update(tls_context=context, require_starttls=True)
    if a.user:
        kwargs.update(authenticator=authenticator(a.user, a.password), auth_required=True,
                      auth_require_tls=a.mode == "starttls")

    controller = Controller(Capture(a.out), hostname="127.0.0.1", port=a.port,
                            ssl_context=context if a.mode == "tls" else None, **kwargs)
    controller.start()
    print("READY", flush=True)
    # Stop when the test closes stdin (or kills the process).
    sys.stdin.read()
    controller.stop()


if __name__ == "__main__":
    main()

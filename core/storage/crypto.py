"""Optional passphrase encryption of answers: AES-GCM with a key derived from the passphrase by scrypt.

What is encrypted: each entry's answers and summary. What is not: which
exercises were done and when (ids, dates, status), so that history can be
listed and sorted. The passphrase cannot be recovered; without it the
answers are gone.
"""

from __future__ import annotations

import base64
import json
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from .store import ENCRYPTED

#: scrypt cost: 2**15 rounds of 8 blocks use 32 MiB and take about a tenth of a second
SCRYPT = {"n": 2**15, "r": 8, "p": 1}
PREFIX = ENCRYPTED
_CHECK = b"innerwork passphrase check"


class WrongPassphrase(Exception):
    """The passphrase does not open this file."""


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


class Cipher:
    """Encrypts and decrypts text with one key; each piece is bound to a context (the entry id)."""

    def __init__(self, key: bytes):
        self._aead = AESGCM(key)

    @classmethod
    def from_passphrase(cls, passphrase: str, salt: bytes, n: int, r: int, p: int) -> Cipher:
        if not passphrase:
            raise WrongPassphrase("The passphrase is empty.")
        return cls(Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(passphrase.encode("utf-8")))

    def encrypt(self, text: str, context: str) -> str:
        nonce = os.urandom(12)
        return PREFIX + _b64(nonce + self._aead.encrypt(nonce, text.encode("utf-8"), context.encode("utf-8")))

    def decrypt(self, token: str, context: str) -> str:
        try:
            raw = base64.b64decode(token.removeprefix(PREFIX), validate=True)
            return self._aead.decrypt(raw[:12], raw[12:], context.encode("utf-8")).decode("utf-8")
        except (ValueError, InvalidTag):  # not base64, too short, or not made with this key for this entry
            raise WrongPassphrase("This text cannot be decrypted with this passphrase.") from None


def new_lock(passphrase: str) -> tuple[str, Cipher]:
    """A fresh salt and key for ``passphrase``: the settings to store (JSON) and the cipher."""
    salt = os.urandom(16)
    cipher = Cipher.from_passphrase(passphrase, salt, **SCRYPT)
    settings = {"kdf": "scrypt", "salt": _b64(salt), **SCRYPT, "check": cipher.encrypt("ok", _CHECK.decode())}
    return json.dumps(settings), cipher


def unlock(settings: str, passphrase: str) -> Cipher:
    """The cipher for a file's stored ``settings``; :class:`WrongPassphrase` if the passphrase is not its own."""
    data = json.loads(settings)
    cipher = Cipher.from_passphrase(passphrase, base64.b64decode(data["salt"]), data["n"], data["r"], data["p"])
    cipher.decrypt(data["check"], _CHECK.decode())
    return cipher

"""The shipped JupyterHub settings let no one in as someone else: deploy/jupyterhub/values.yaml (for
zero-to-jupyterhub) and deploy/jupyterhub/jupyterhub_config.py must use a sign-in that checks each person's own
secret, and must give no account a way to open another person's server, where their answers are."""

import copy
from pathlib import Path

import pytest
import yaml
from traitlets.config.loader import PyFileConfigLoader

DEPLOY = Path(__file__).parent.parent / "deploy" / "jupyterhub"
VALUES = DEPLOY / "values.yaml"
CONFIG = DEPLOY / "jupyterhub_config.py"

# Sign-ins that check something only that person has: their own password (native, PAM, LDAP) or their
# organisation's identity provider (oauthenticator). Anything else, including a name not listed here, fails.
SECRET_CHECKING = {
    "native",
    "nativeauthenticator.NativeAuthenticator",
    "nativeauthenticator.nativeauthenticator.NativeAuthenticator",
    "pam",
    "jupyterhub.auth.PAMAuthenticator",
    "ldap",
    "ldapauthenticator",
    "ldapauthenticator.LDAPAuthenticator",
    "auth0",
    "azuread",
    "bitbucket",
    "cilogon",
    "generic-oauth",
    "github",
    "gitlab",
    "globus",
    "google",
    "mediawiki",
    "openshift",
}
# Scopes that open a server (or let their holder grant themselves that); JupyterHub's admin role has them all.
SERVER_OPENING_SCOPES = ("access:servers", "shares", "tokens")
NATIVE_MINIMUM_PASSWORD_LENGTH = 8  # NativeAuthenticator's own default is 1 character


def authenticator_name(value):
    return value if isinstance(value, str) else f"{value.__module__}.{value.__qualname__}"


def sign_in_problems(config, roles, default_authenticator, where):
    """What in these settings would let someone in as someone else, each naming the file and setting."""
    problems = []
    name = authenticator_name(config.get("JupyterHub", {}).get("authenticator_class", default_authenticator))
    if name not in SECRET_CHECKING and not name.startswith("oauthenticator."):
        problems.append(
            f"{where}: JupyterHub.authenticator_class is {name!r}, which checks no secret of each "
            f"person's own; expected one of {sorted(SECRET_CHECKING)} or an oauthenticator class"
        )
    if name.startswith("native"):
        length = config.get("NativeAuthenticator", {}).get("minimum_password_length", 1)
        if length < NATIVE_MINIMUM_PASSWORD_LENGTH:
            problems.append(
                f"{where}: NativeAuthenticator.minimum_password_length is {length}; expected at least "
                f"{NATIVE_MINIMUM_PASSWORD_LENGTH}"
            )
    admins = sorted(config.get("Authenticator", {}).get("admin_users", ()))
    if admins:
        problems.append(
            f"{where}: Authenticator.admin_users is {admins}; JupyterHub's admin role opens every "
            "user's server, so give the facilitator a role without access:servers instead"
        )
    for role in roles:
        opening = [s for s in role.get("scopes", ()) if s.split("!")[0] in SERVER_OPENING_SCOPES]
        if opening:
            problems.append(f"{where}: role {role['name']!r} has {opening}, which open other people's servers")
    return problems


def values_problems(values, where=VALUES.name):
    """sign_in_problems for zero-to-jupyterhub values, with the chart's own defaults where a value is missing."""
    hub = values.get("hub") or {}
    problems = [
        f"{where}: hub.extraConfig {key!r} sets the sign-in in Python; set it in hub.config, where it can be checked"
        for key, code in (hub.get("extraConfig") or {}).items()
        if "authenticator" in code.lower() or "admin" in code.lower()
    ]
    roles = [{"name": name, **role} for name, role in (hub.get("loadRoles") or {}).items()]
    return problems + sign_in_problems(hub.get("config") or {}, roles, "dummy", where)  # the chart's default: dummy


def test_the_shipped_values_let_no_one_in_as_someone_else():
    assert values_problems(yaml.safe_load(VALUES.read_text())) == []


def test_the_single_machine_config_lets_no_one_in_as_someone_else():
    config = PyFileConfigLoader(CONFIG.name, str(CONFIG.parent)).load_config()
    roles = config.JupyterHub.get("load_roles", [])
    assert sign_in_problems(config, roles, "pam", CONFIG.name) == []  # JupyterHub's default: PAM


# The least that passes, to change one thing at a time in the cases below.
ACCEPTED = {
    "hub": {
        "config": {
            "JupyterHub": {"authenticator_class": "native"},
            "NativeAuthenticator": {"minimum_password_length": 8},
        },
        "loadRoles": {"facilitator": {"scopes": ["admin:users", "admin:servers"], "users": ["facilitator"]}},
    }
}


def accepted():
    return copy.deepcopy(ACCEPTED)


def test_the_least_that_passes_passes():
    assert values_problems(ACCEPTED) == []


def with_config(section, **settings):
    values = accepted()
    values["hub"]["config"].setdefault(section, {}).update(settings)
    return values


def without_authenticator():
    values = accepted()
    del values["hub"]["config"]["JupyterHub"]["authenticator_class"]
    return values


def with_extra_config(code):
    values = accepted()
    values["hub"]["extraConfig"] = {"sign-in": code}
    return values


def with_role_scopes(*scopes):
    values = accepted()
    values["hub"]["loadRoles"]["facilitator"]["scopes"] += list(scopes)
    return values


def with_short_passwords():
    values = accepted()
    del values["hub"]["config"]["NativeAuthenticator"]["minimum_password_length"]
    return values


@pytest.mark.parametrize(
    "values, expected",
    [
        (with_config("JupyterHub", authenticator_class="dummy"), "'dummy', which checks no secret"),
        (with_config("JupyterHub", authenticator_class="null"), "'null', which checks no secret"),
        (with_config("JupyterHub", authenticator_class="tmp"), "'tmp', which checks no secret"),
        (with_config("JupyterHub", authenticator_class="jupyterhub.auth.DummyAuthenticator"), "DummyAuthenticator"),
        (with_config("JupyterHub", authenticator_class="example.TrustingAuthenticator"), "TrustingAuthenticator"),
        (without_authenticator(), "'dummy', which checks no secret"),
        (with_extra_config("c.JupyterHub.authenticator_class = 'dummy'"), "hub.extraConfig 'sign-in'"),
        (with_extra_config("c.Authenticator.admin_users = {'facilitator'}"), "hub.extraConfig 'sign-in'"),
        (with_config("Authenticator", admin_users=["facilitator"]), "opens every user's server"),
        (with_role_scopes("access:servers"), "['access:servers']"),
        (with_role_scopes("access:servers!user=alice", "tokens"), "['access:servers!user=alice', 'tokens']"),
        (with_short_passwords(), "minimum_password_length is 1"),
    ],
    ids=[
        "dummy",
        "null",
        "tmp",
        "dummy-class",
        "unknown",
        "chart-default",
        "extra-config",
        "extra-admin",
        "admin",
        "role-access",
        "role-filtered-access",
        "short-passwords",
    ],
)
def test_a_sign_in_that_lets_people_in_as_others_is_named(values, expected):
    [problem] = values_problems(values)
    assert problem.startswith("values.yaml: ") and expected in problem


def test_the_settings_before_issue_23_are_refused():
    """The values this project shipped before: a dummy sign-in that lets in anyone under any name."""
    values = {"hub": {"config": {"JupyterHub": {"authenticator_class": "dummy"}, "Authenticator": {"allow_all": True}}}}
    assert values_problems(values) == [
        "values.yaml: JupyterHub.authenticator_class is 'dummy', which checks no secret of each person's own; "
        f"expected one of {sorted(SECRET_CHECKING)} or an oauthenticator class"
    ]

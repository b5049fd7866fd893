"""Administration from the command line: database, CPAS, users and roles."""

from click.testing import CliRunner

from engine.cli import main
from engine.service import open_service


def test_create_cpas_user_and_grant_a_role(tmp_path):
    url = f"sqlite:///{tmp_path / 'admin.db'}"
    runner = CliRunner()
    assert runner.invoke(main, ["db", "upgrade", "--database", url]).exit_code == 0
    result = runner.invoke(main, ["cpas", "create", "21004", "--name-fr", "CPAS de Bruxelles",
                                  "--name-nl", "OCMW Brussel", "--database", url])
    assert result.exit_code == 0, result.output
    result = runner.invoke(main, ["users", "create", "jan", "--name", "Jan Janssens",
                                  "--database", url], input="s3cret\ns3cret\n")
    assert result.exit_code == 0, result.output
    result = runner.invoke(main, ["users", "grant", "jan", "21004", "president",
                                  "--database", url])
    assert result.exit_code == 0, result.output
    service = open_service(url, None)
    actor = service.authenticate("jan", "s3cret")
    assert actor.roles == {"21004": frozenset({"president"})}
    assert service.authenticate("jan", "wrong") is None
    assert runner.invoke(main, ["users", "password", "jan", "--password", "n3w",
                                "--database", url]).exit_code == 0
    assert service.authenticate("jan", "n3w") is not None


def test_refusals_are_messages_not_tracebacks(tmp_path):
    url = f"sqlite:///{tmp_path / 'admin.db'}"
    runner = CliRunner()
    runner.invoke(main, ["users", "create", "jan", "--name", "Jan", "--password", "x",
                         "--database", url])
    result = runner.invoke(main, ["users", "grant", "jan", "21005", "agent", "--database", url])
    assert result.exit_code == 1
    assert "UNKNOWN_CPAS" in result.output and "21005" in result.output
    result = runner.invoke(main, ["cpas", "create", "2100", "--name-fr", "x", "--name-nl", "y",
                                  "--database", url])
    assert result.exit_code == 1 and "Traceback" not in result.output
    result = runner.invoke(main, ["users", "password", "nobody", "--password", "x",
                                  "--database", url])
    assert result.exit_code == 1 and "UNKNOWN_USER" in result.output

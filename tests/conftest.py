"""Shared fixtures, the hypothesis profiles, and the isolation of inner pytest runs from
the CI the outer suite may be running in."""

import os

import pytest
from helpers import copy_demo
from hypothesis import settings

pytest_plugins = ["pytester"]

#: Variables through which a CI service changes what the plugin writes: the progress line
#: (CI), annotations (GITHUB_ACTIONS), the job summary file (GITHUB_STEP_SUMMARY), GitLab.
CI_VARIABLES = ("CI", "GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "GITLAB_CI")

# Hypothesis (docs/quality.md): "ci", the default, is derandomised, so a run is the same
# on every machine and a failure is reproduced by running again; "nightly" searches far
# longer with fresh randomness: HYPOTHESIS_PROFILE=nightly pytest tests/test_reader_properties.py
settings.register_profile("ci", derandomize=True, max_examples=200, deadline=None, print_blob=True)
settings.register_profile("nightly", max_examples=5000, deadline=None, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(autouse=True)
def no_ci_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """In-process pytester runs share this process's environment: on GitHub Actions they
    would write annotations into the log and append to the real job summary. Every test
    starts without the CI variables; a test that wants them sets them itself."""
    for name in CI_VARIABLES:
        monkeypatch.delenv(name, raising=False)


# pint is imported here, once, before any in-process pytester run: pytester restores
# sys.modules after each run, so a pint first imported inside one would be dropped while
# the plugin's cached registry kept its classes, and a later conversion would fail inside
# pint's formatter. (A pytester run that compares units, e.g. 250 mm against 10 inches,
# is what imports it first.)
import pytest_factcheck.reader.units as _units  # noqa: E402

_units.registry()


@pytest.fixture
def demo(pytester: pytest.Pytester) -> pytest.Pytester:
    """A pytester folder with the seeds and the issue-2 demo facts file."""
    copy_demo(pytester)
    return pytester

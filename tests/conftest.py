import pytest
from helpers import copy_demo

pytest_plugins = ["pytester"]

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

import pytest
from helpers import copy_demo

pytest_plugins = ["pytester"]


@pytest.fixture
def demo(pytester: pytest.Pytester) -> pytest.Pytester:
    """A pytester folder with the seeds and the issue-2 demo facts file."""
    copy_demo(pytester)
    return pytester

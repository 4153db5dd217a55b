"""iom: integrated offender management and OCG disruption on a graph."""

from iom.errors import IomError

__all__ = ["IomError", "__version__"]
__version__ = "0.1.0"

"""Logging filters for records whose level Django chooses and operators would not."""

import logging


class AsWarning(logging.Filter):
    """Log the record at WARNING instead of its own level.

    Django logs every DisallowedHost (a request for a host name this site does not serve:
    scanners, mistyped DNS, IP-address probes) at ERROR. It is the visitor's mistake, not the
    site's, answered with a 400; at ERROR it would page whoever watches errors, many times a day.
    """

    def filter(self, record):
        if record.levelno > logging.WARNING:
            record.levelno = logging.WARNING
            record.levelname = logging.getLevelName(logging.WARNING)
        return True

from members.models.activities import (
    ActivityIndexPage,
    ActivityPage,
    ActivitySignup,
    FurusatoResidentPage,
)
from members.models.benefits import Benefit
from members.models.login_events import LoginEvent
from members.models.membership import (
    MemberNotice,
    MemberNumberSequence,
    Membership,
    MembershipCode,
    PersonalDataAccessLog,
)
from members.models.users import User, UserManager  # noqa: I001 (User first for migrations)

__all__ = [
    "ActivityIndexPage",
    "ActivityPage",
    "ActivitySignup",
    "FurusatoResidentPage",
    "Benefit",
    "LoginEvent",
    "MemberNotice",
    "MemberNumberSequence",
    "Membership",
    "MembershipCode",
    "PersonalDataAccessLog",
    "User",
    "UserManager",
]

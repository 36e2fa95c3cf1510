"""The store: one relational schema for the whole study, engine, sessions, schema version.

Every table of every stage is defined here (``schema`` for the study itself, one module
per stage for its runs and results), so that importing this package registers the
complete schema on :class:`Base` — no stage module has to be imported to create the
tables. Schema changes come with an Alembic migration (``migrate``); ``backup`` writes
and reads the portable backup file.
"""

from workbench.store.analysis_tables import (
    NeedAssignment,
    NeedEdit,
    NeedRun,
    TopicAssignment,
    TopicRun,
)
from workbench.store.coding_tables import (
    CodingAction,
    CodingActionItem,
    CodingResolution,
    ExportMark,
    export_marks,
    export_of,
    merged_codes,
    record_export,
    record_merge,
)
from workbench.store.migrate import (
    SchemaOutdatedError,
    SchemaTooNewError,
    check_version,
    initialise,
)
from workbench.store.participation_tables import (
    FeedbackAnswer,
    FeedbackItem,
    FeedbackRound,
    FeedbackRoundItem,
    FeedbackToken,
)
from workbench.store.privacy_tables import PERSON_NUMBER_KEY, ErasureEntry, PseudonymDecision
from workbench.store.project_store import ProjectStore
from workbench.store.schema import (
    CITYWIDE,
    MAX_CODER,
    MAX_WAVE_LABEL,
    SCHEMA_VERSION,
    Base,
    Code,
    Coding,
    District,
    Document,
    ListedName,
    Memo,
    Meta,
    Pseudonym,
    PseudonymSpan,
    SchemaVersionError,
    Segment,
    Wave,
    Workshop,
    code_guid,
    create_tables,
    find_run,
    make_engine,
    transaction,
    utcnow,
)
from workbench.store.synthesis_tables import (
    Indicator,
    Recommendation,
    RecommendationEvidence,
    RecommendationNeed,
    RecommendationStatus,
)

__all__ = [
    "CITYWIDE",
    "MAX_CODER",
    "MAX_WAVE_LABEL",
    "PERSON_NUMBER_KEY",
    "SCHEMA_VERSION",
    "Base",
    "Code",
    "Coding",
    "CodingAction",
    "CodingActionItem",
    "CodingResolution",
    "District",
    "Document",
    "ErasureEntry",
    "ExportMark",
    "FeedbackAnswer",
    "FeedbackItem",
    "FeedbackRound",
    "FeedbackRoundItem",
    "FeedbackToken",
    "Indicator",
    "ListedName",
    "Memo",
    "Meta",
    "NeedAssignment",
    "NeedEdit",
    "NeedRun",
    "ProjectStore",
    "Pseudonym",
    "PseudonymDecision",
    "PseudonymSpan",
    "Recommendation",
    "RecommendationEvidence",
    "RecommendationNeed",
    "RecommendationStatus",
    "SchemaOutdatedError",
    "SchemaTooNewError",
    "SchemaVersionError",
    "Segment",
    "TopicAssignment",
    "TopicRun",
    "Wave",
    "Workshop",
    "check_version",
    "code_guid",
    "create_tables",
    "export_marks",
    "export_of",
    "find_run",
    "initialise",
    "make_engine",
    "merged_codes",
    "record_export",
    "record_merge",
    "transaction",
    "utcnow",
]

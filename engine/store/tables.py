"""The database tables (SQLAlchemy Core). Changes go through a migration in ``migrations/``."""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData(naming_convention={
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
})

cpas = sa.Table(
    "cpas", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("nis", sa.String(5), nullable=False, unique=True),
    sa.Column("name_fr", sa.String(200), nullable=False),
    sa.Column("name_nl", sa.String(200), nullable=False),
    sa.Column("enterprise_number", sa.String(10)),
    sa.Column("iban", sa.String(34)),
    sa.Column("bic", sa.String(11)),
    sa.Column("legacy_account", sa.String(12)),
    sa.Column("contact_name", sa.String(200)),
    sa.Column("contact_email", sa.String(254)),
    sa.Column("contact_phone", sa.String(20)),
    sa.Column("updated_at", sa.DateTime(timezone=True)),
)

users = sa.Table(
    "users", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("username", sa.String(100), nullable=False, unique=True),
    sa.Column("display_name", sa.String(200), nullable=False),
    sa.Column("password_hash", sa.String(300)),
    sa.Column("is_admin", sa.Boolean, nullable=False, default=False),
    sa.Column("is_inspector", sa.Boolean, nullable=False, default=False),
    sa.Column("active", sa.Boolean, nullable=False, default=True),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
)

memberships = sa.Table(
    "memberships", metadata,
    sa.Column("user_id", sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("cpas_id", sa.ForeignKey("cpas.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("role", sa.String(20), primary_key=True),
    sa.CheckConstraint("role in ('agent', 'president', 'secretary')", name="role"),
)

measures = sa.Table(
    "measures", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("code", sa.String(50), nullable=False),
    sa.Column("year", sa.Integer, nullable=False),
    sa.Column("schema_hash", sa.String(64), nullable=False),
    sa.Column("schema_text", sa.Text, nullable=False),
    sa.Column("published_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("published_by", sa.ForeignKey("users.id")),
    sa.Column("tests_text", sa.Text),
    sa.UniqueConstraint("code", "year", "schema_hash", name="version"),
)

prefilled = sa.Table(
    "prefilled", metadata,
    sa.Column("cpas_id", sa.ForeignKey("cpas.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("measure", sa.String(50), primary_key=True),
    sa.Column("year", sa.Integer, primary_key=True),
    sa.Column("values_json", sa.Text, nullable=False),
    sa.Column("loaded_at", sa.DateTime(timezone=True), nullable=False),
)

extensions = sa.Table(
    "extensions", metadata,
    sa.Column("cpas_id", sa.ForeignKey("cpas.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("measure", sa.String(50), primary_key=True),
    sa.Column("year", sa.Integer, primary_key=True),
    sa.Column("deadline", sa.Date, nullable=False),
    sa.Column("granted_by", sa.ForeignKey("users.id")),  # None: from the command line
)

submissions = sa.Table(
    "submissions", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("cpas_id", sa.ForeignKey("cpas.id", ondelete="CASCADE"), nullable=False),
    sa.Column("measure", sa.String(50), nullable=False),
    sa.Column("year", sa.Integer, nullable=False),
    sa.Column("schema_hash", sa.String(64), nullable=False),
    sa.Column("values_json", sa.Text, nullable=False),
    sa.Column("state", sa.String(20), nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("content_hash", sa.String(64), nullable=False),
    sa.Column("frozen_json", sa.Text),
    sa.Column("sent_at", sa.DateTime(timezone=True)),
    sa.Column("reopened_reason", sa.Text),
    sa.Column("reopened_at", sa.DateTime(timezone=True)),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("updated_by", sa.ForeignKey("users.id")),
    sa.UniqueConstraint("cpas_id", "measure", "year", name="form"),
    sa.CheckConstraint("state in ('DRAFT', 'COMPLETE', 'SIGNED_ONCE', 'SENT')", name="state"),
)

signatures = sa.Table(
    "signatures", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("submission_id", sa.ForeignKey("submissions.id", ondelete="CASCADE"),
              nullable=False),
    sa.Column("role", sa.String(20), nullable=False),
    sa.Column("user_id", sa.ForeignKey("users.id"), nullable=False),
    sa.Column("signed_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("content_hash", sa.String(64), nullable=False),
    sa.Column("voided_at", sa.DateTime(timezone=True)),
    sa.Column("voided_why", sa.String(50)),
    sa.CheckConstraint("role in ('president', 'secretary')", name="role"),
)

uploads = sa.Table(
    "uploads", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("submission_id", sa.ForeignKey("submissions.id", ondelete="CASCADE"),
              nullable=False),
    sa.Column("table_id", sa.String(50), nullable=False),
    sa.Column("filename", sa.String(255), nullable=False),
    sa.Column("content", sa.LargeBinary, nullable=False),
    sa.Column("sha256", sa.String(64), nullable=False),
    sa.Column("uploaded_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("uploaded_by", sa.ForeignKey("users.id"), nullable=False),
    sa.Column("replaced_at", sa.DateTime(timezone=True)),
)

audit = sa.Table(
    "audit", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("user_id", sa.ForeignKey("users.id")),
    sa.Column("cpas_id", sa.ForeignKey("cpas.id", ondelete="CASCADE")),
    sa.Column("submission_id", sa.ForeignKey("submissions.id", ondelete="CASCADE")),
    sa.Column("action", sa.String(30), nullable=False),
    sa.Column("detail_json", sa.Text, nullable=False),
    sa.Column("content_hash", sa.String(64)),
)

login_failures = sa.Table(
    "login_failures", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("username", sa.String(100), nullable=False, index=True),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False),
)

campaigns = sa.Table(
    "campaigns", metadata,
    sa.Column("name", sa.String(50), primary_key=True),
    sa.Column("opens", sa.Date, nullable=False),
    sa.Column("deadline", sa.Date, nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("updated_by", sa.ForeignKey("users.id")),
)

campaign_measures = sa.Table(
    "campaign_measures", metadata,
    sa.Column("measure", sa.String(50), primary_key=True),
    sa.Column("year", sa.Integer, primary_key=True),
    sa.Column("campaign", sa.ForeignKey("campaigns.name", ondelete="SET NULL")),
    sa.Column("opens", sa.Date),
    sa.Column("deadline", sa.Date),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("updated_by", sa.ForeignKey("users.id")),
)

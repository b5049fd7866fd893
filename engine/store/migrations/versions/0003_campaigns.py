"""campaign dates per campaign and per measure; who published a schema, with its form tests;
an extension granted from the command line has no user

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "campaigns",
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("opens", sa.Date(), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["updated_by"], ["users.id"],
                                name=op.f("fk_campaigns_updated_by_users")),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_campaigns")),
    )
    op.create_table(
        "campaign_measures",
        sa.Column("measure", sa.String(length=50), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("campaign", sa.String(length=50), nullable=True),
        sa.Column("opens", sa.Date(), nullable=True),
        sa.Column("deadline", sa.Date(), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["campaign"], ["campaigns.name"], ondelete="SET NULL",
                                name=op.f("fk_campaign_measures_campaign_campaigns")),
        sa.ForeignKeyConstraint(["updated_by"], ["users.id"],
                                name=op.f("fk_campaign_measures_updated_by_users")),
        sa.PrimaryKeyConstraint("measure", "year", name=op.f("pk_campaign_measures")),
    )
    with op.batch_alter_table("measures", schema=None) as batch_op:
        batch_op.add_column(sa.Column("published_by", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("tests_text", sa.Text(), nullable=True))
        batch_op.create_foreign_key(batch_op.f("fk_measures_published_by_users"), "users",
                                    ["published_by"], ["id"])
    with op.batch_alter_table("extensions", schema=None) as batch_op:
        batch_op.alter_column("granted_by", existing_type=sa.Integer(), nullable=True)


def downgrade():
    with op.batch_alter_table("extensions", schema=None) as batch_op:
        batch_op.alter_column("granted_by", existing_type=sa.Integer(), nullable=False)
    with op.batch_alter_table("measures", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_measures_published_by_users"),
                                 type_="foreignkey")
        batch_op.drop_column("tests_text")
        batch_op.drop_column("published_by")
    op.drop_table("campaign_measures")
    op.drop_table("campaigns")

//! Products and OCOP ratings in PostgreSQL: loaded into the snapshot, written in the unit of
//! work (ratings out before products, products in before ratings).

use crate::cols::PgColumns;
use hoptac_core::model::ProductRecords;
use hoptac_store::decode::products as rows;
use hoptac_store::{ChangeSet, Result};
use sqlx::{PgConnection, Postgres as DB};

pub(crate) async fn load(conn: &mut PgConnection) -> Result<ProductRecords> {
    let products = sqlx::query(rows::PRODUCTS)
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(|r| rows::product(&PgColumns(r)))
        .collect::<Result<_>>()?;
    let ratings = sqlx::query(rows::RATINGS)
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(|r| rows::rating(&PgColumns(r)))
        .collect::<Result<_>>()?;
    Ok(ProductRecords { products, ratings })
}

/// The change set's products and ratings, after its organisations are written.
pub(crate) async fn write(tx: &mut sqlx::Transaction<'static, DB>, c: &ChangeSet) -> Result<()> {
    for code in &c.removed_ratings {
        sqlx::query("DELETE FROM ocop_ratings WHERE code = $1")
            .bind(code)
            .execute(&mut **tx)
            .await?;
    }
    for code in &c.removed_products {
        sqlx::query("DELETE FROM products WHERE code = $1")
            .bind(code)
            .execute(&mut **tx)
            .await?;
    }
    for p in &c.products {
        sqlx::query(
            "INSERT INTO products (code, org_code, name, ocop_group, subgroup, gtin, unit, public) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
             ON CONFLICT (code) DO UPDATE SET org_code = excluded.org_code, name = excluded.name, \
             ocop_group = excluded.ocop_group, subgroup = excluded.subgroup, gtin = excluded.gtin, \
             unit = excluded.unit, public = excluded.public",
        )
        .bind(&p.code)
        .bind(p.org.as_str())
        .bind(&p.name)
        .bind(p.group.code())
        .bind(&p.subgroup)
        .bind(p.gtin.as_ref().map(|g| g.as_str()))
        .bind(&p.unit)
        .bind(p.public)
        .execute(&mut **tx)
        .await?;
    }
    for r in &c.ratings {
        let part = |i: usize| r.parts.map(|p| p[i].micros());
        sqlx::query(
            "INSERT INTO ocop_ratings (code, product_code, criteria, kind, part_a, part_b, part_c, score, stars, \
             decision, decided_on, level, revoked_on, revocation) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) \
             ON CONFLICT (code) DO UPDATE SET product_code = excluded.product_code, criteria = excluded.criteria, \
             kind = excluded.kind, part_a = excluded.part_a, part_b = excluded.part_b, part_c = excluded.part_c, \
             score = excluded.score, stars = excluded.stars, decision = excluded.decision, \
             decided_on = excluded.decided_on, level = excluded.level, revoked_on = excluded.revoked_on, \
             revocation = excluded.revocation",
        )
        .bind(&r.code)
        .bind(&r.product)
        .bind(r.criteria.code())
        .bind(r.kind.code())
        .bind(part(0))
        .bind(part(1))
        .bind(part(2))
        .bind(r.score.map(|s| s.micros()))
        .bind(i64::from(r.stars))
        .bind(&r.decision)
        .bind(r.decided_on)
        .bind(r.level.code())
        .bind(r.revoked_on)
        .bind(&r.revocation)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

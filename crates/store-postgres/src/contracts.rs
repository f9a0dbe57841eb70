//! Linkage contracts and deliveries in PostgreSQL: loaded into the snapshot, written in the
//! unit of work (deliveries out, then contracts; contracts in with their parties and
//! schedule replaced, then deliveries).

use crate::cols::PgColumns;
use hoptac_core::chain::ContractRecords;
use hoptac_store::decode::contracts as rows;
use hoptac_store::{ChangeSet, Result};
use sqlx::{PgConnection, Postgres as DB};

pub(crate) async fn load(conn: &mut PgConnection) -> Result<ContractRecords> {
    let mut contracts: Vec<_> = sqlx::query(rows::CONTRACTS)
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(|r| rows::contract(&PgColumns(r)))
        .collect::<Result<_>>()?;
    let parties = sqlx::query(rows::ORGS)
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(|r| rows::party(&PgColumns(r)))
        .collect::<Result<_>>()?;
    let installments = sqlx::query(rows::INSTALLMENTS)
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(|r| rows::installment(&PgColumns(r)))
        .collect::<Result<_>>()?;
    rows::attach(&mut contracts, parties, installments)?;
    let deliveries = sqlx::query(rows::DELIVERIES)
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(|r| rows::delivery(&PgColumns(r)))
        .collect::<Result<_>>()?;
    let projects = crate::projects::load(&mut *conn).await?;
    Ok(ContractRecords {
        projects,
        contracts,
        deliveries,
    })
}

/// The change set's contracts, deliveries and linkage projects, after its organisations and
/// products, before its disbursements.
pub(crate) async fn write(tx: &mut sqlx::Transaction<'static, DB>, c: &ChangeSet) -> Result<()> {
    for code in &c.removed_deliveries {
        sqlx::query("DELETE FROM deliveries WHERE code = $1")
            .bind(code)
            .execute(&mut **tx)
            .await?;
    }
    crate::projects::remove(tx, c).await?;
    for code in &c.removed_contracts {
        sqlx::query("DELETE FROM contracts WHERE code = $1")
            .bind(code)
            .execute(&mut **tx)
            .await?;
    }
    for k in &c.contracts {
        sqlx::query(
            "INSERT INTO contracts (code, partner, partner_tax_code, form, goods, product_code, quantity, unit, area_ha, households, price, signed_on, starts_on, ends_on, ended_on) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) \
             ON CONFLICT (code) DO UPDATE SET partner = excluded.partner, partner_tax_code = excluded.partner_tax_code, \
             form = excluded.form, goods = excluded.goods, product_code = excluded.product_code, quantity = excluded.quantity, \
             unit = excluded.unit, area_ha = excluded.area_ha, households = excluded.households, price = excluded.price, \
             signed_on = excluded.signed_on, starts_on = excluded.starts_on, ends_on = excluded.ends_on, ended_on = excluded.ended_on",
        )
        .bind(&k.code)
        .bind(&k.partner)
        .bind(&k.partner_tax_code)
        .bind(k.form.code())
        .bind(&k.goods)
        .bind(&k.product)
        .bind(k.quantity.micros())
        .bind(k.unit.code())
        .bind(k.area_ha.map(|a| a.micros()))
        .bind(k.households)
        .bind(&k.price)
        .bind(k.signed_on)
        .bind(k.starts_on)
        .bind(k.ends_on)
        .bind(k.ended_on)
        .execute(&mut **tx)
        .await?;
        for delete in [
            "DELETE FROM contract_orgs WHERE contract_code = $1",
            "DELETE FROM contract_installments WHERE contract_code = $1",
        ] {
            sqlx::query(delete).bind(&k.code).execute(&mut **tx).await?;
        }
        for (i, o) in k.orgs.iter().enumerate() {
            sqlx::query(
                "INSERT INTO contract_orgs (contract_code, position, org_code) VALUES ($1, $2, $3)",
            )
            .bind(&k.code)
            .bind(i as i64)
            .bind(o.as_str())
            .execute(&mut **tx)
            .await?;
        }
        for (i, x) in k.schedule.iter().enumerate() {
            sqlx::query("INSERT INTO contract_installments (contract_code, position, due, quantity) VALUES ($1, $2, $3, $4)")
                .bind(&k.code)
                .bind(i as i64)
                .bind(x.due)
                .bind(x.quantity.micros())
                .execute(&mut **tx)
                .await?;
        }
    }
    for d in &c.deliveries {
        sqlx::query(
            "INSERT INTO deliveries (code, contract_code, delivered_on, quantity, lot) VALUES ($1, $2, $3, $4, $5) \
             ON CONFLICT (code) DO UPDATE SET contract_code = excluded.contract_code, delivered_on = excluded.delivered_on, \
             quantity = excluded.quantity, lot = excluded.lot",
        )
        .bind(&d.code)
        .bind(&d.contract)
        .bind(d.delivered_on)
        .bind(d.quantity.micros())
        .bind(&d.lot)
        .execute(&mut **tx)
        .await?;
    }
    crate::projects::write(tx, c).await?;
    Ok(())
}

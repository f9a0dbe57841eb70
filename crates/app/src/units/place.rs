//! Placing an organisation after its commune was split (xếp địa bàn): the office chooses one
//! of the communes the old one became; the choice is a move row from the day of the change,
//! written through the import (its scope checks on the old and the new commune, its audit).

use crate::auth::Actor;
use crate::context::App;
use crate::error::Result;
use crate::import::ImportOutcome;
use hoptac_core::Date;
use hoptac_exchange::cells::Cell;
use hoptac_exchange::read::{RawBook, RawSheet};

/// The reason a placement records.
pub const PLACEMENT_REASON: &str = "Xếp địa bàn sau sắp xếp đơn vị hành chính";

impl App {
    /// Places `org` in `commune` (a code, read at `on`) from `on`.
    pub async fn place_org(
        &self,
        actor: &Actor,
        org: &str,
        commune: &str,
        on: Date,
    ) -> Result<ImportOutcome> {
        self.may_import(actor).await?;
        let text = |s: &str| Cell::Text(s.to_string());
        let book = RawBook {
            sheets: vec![RawSheet {
                name: "organization_moves".into(),
                rows: vec![
                    (
                        1,
                        vec![
                            text("org_code"),
                            text("commune"),
                            text("moved_on"),
                            text("reason"),
                        ],
                    ),
                    (
                        2,
                        vec![
                            text(org),
                            text(commune),
                            text(&hoptac_core::date::to_iso(on)),
                            text(PLACEMENT_REASON),
                        ],
                    ),
                ],
            }],
        };
        self.import_book(actor, &book, true).await
    }
}

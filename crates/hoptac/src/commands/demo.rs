//! hoptac demo: load the illustrative Tháp Mười district into an empty database.

use crate::database::open;
use crate::location::Db;
use std::process::ExitCode;

pub(crate) async fn run(db: &Db) -> anyhow::Result<ExitCode> {
    let app = open(db).await?;
    crate::database::demo_allowed(&app, db).await?;
    hoptac_demo::load_demo(&app).await?;
    let c = app.store().counts().await?;
    println!(
        "Đã nạp dữ liệu minh họa huyện Tháp Mười / demo district loaded: {} đơn vị/units, {} tổ chức/organisations, {} báo cáo/reports, {} cán bộ/managers",
        c.units, c.orgs, c.reports, c.managers
    );
    Ok(ExitCode::SUCCESS)
}

//! `hoptac user add | passwd | list`: accounts from the command line, which acts as the
//! system (it creates the first administrator).

use clap::Subcommand;
use hoptac_app::App;

pub(crate) fn read_password() -> anyhow::Result<String> {
    eprintln!("Mật khẩu / password (một dòng / one line):");
    let mut line = String::new();
    std::io::stdin().read_line(&mut line)?;
    Ok(line.trim_end_matches(['\r', '\n']).to_string())
}

pub(crate) async fn user_command(
    app: &App,
    system: &hoptac_app::Actor,
    cmd: UserCmd,
) -> anyhow::Result<()> {
    use hoptac_core::auth::{Account, Role, Scope};
    match cmd {
        UserCmd::Add {
            username,
            role,
            scope,
            name,
        } => {
            let role = Role::parse(&role).ok_or_else(|| anyhow::anyhow!("vai trò không hợp lệ / unknown role \"{role}\": admin, staff, commune, org, viewer"))?;
            let scope = if scope == "all" {
                Scope::All
            } else if let Some(code) = scope.strip_prefix("org:") {
                Scope::Org(
                    hoptac_core::OrgCode::parse(code)
                        .ok_or_else(|| anyhow::anyhow!("mã không hợp lệ / invalid code {code}"))?,
                )
            } else {
                Scope::Unit(app.resolve_scope(&scope).await?.id)
            };
            let password = read_password()?;
            let account = Account {
                username: username.clone(),
                display_name: name,
                role,
                scope,
                must_change_password: true,
                disabled: false,
            };
            app.create_account(system, account, Some(&password)).await?;
            println!(
                "Đã tạo / created {username}: phải đổi mật khẩu ở lần đăng nhập đầu / must change the password at first login"
            );
        }
        UserCmd::Passwd { username } => {
            let stored = app
                .store()
                .account(&username)
                .await?
                .ok_or_else(|| anyhow::anyhow!("không có tài khoản / no account {username}"))?;
            let password = read_password()?;
            let account = Account {
                must_change_password: true,
                ..stored.account
            };
            app.save_account(system, account, Some(&password)).await?;
            println!("Đã đặt mật khẩu mới / password set for {username}");
        }
        UserCmd::List => {
            for a in app.store().accounts().await? {
                let scope = match &a.scope {
                    Scope::All => "all".to_string(),
                    Scope::Unit(u) => format!("unit {}", u.0),
                    Scope::Org(c) => format!("org:{c}"),
                };
                println!(
                    "{:<20} {:<10} {:<16} {}{}",
                    a.username,
                    a.role.code(),
                    scope,
                    a.display_name,
                    if a.disabled { " (khóa/disabled)" } else { "" }
                );
            }
        }
    }
    Ok(())
}

#[derive(Subcommand)]
pub(crate) enum UserCmd {
    /// Create an account; the password is read from standard input (one line)
    Add {
        username: String,
        /// admin, staff, commune, org, viewer
        #[arg(long)]
        role: String,
        /// `all`, an administrative unit (code or name), or `org:CODE`
        #[arg(long)]
        scope: String,
        #[arg(long, default_value = "")]
        name: String,
    },
    /// Set a new password (read from standard input); the account must change it at next login
    Passwd { username: String },
    /// List the accounts
    List,
}

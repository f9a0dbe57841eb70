//! Accounts, sessions, permission checks and the audit trail (tài khoản, phân quyền, nhật ký).

use crate::{context::App, error::AppError, error::Result};
use argon2::{Argon2, PasswordHash, PasswordHasher, PasswordVerifier};
use blake2::{Blake2s256, Digest};
use hoptac_core::auth::{Account, Action, Resource, Role, Scope, may_delegate, permits, subtree};
use hoptac_core::model::UnitId;
use hoptac_store::{AuditEntry, AuditQuery, SessionRow};
use std::time::{Duration, Instant};

/// Who is acting, and from where.
#[derive(Debug, Clone)]
pub struct Actor {
    pub account: Account,
    pub ip: String,
    /// The local command line: the root of delegation (it creates the first administrator).
    root: bool,
}

impl Actor {
    /// The local command line: whoever can run it can read the database file anyway.
    pub fn system() -> Actor {
        Actor {
            account: Account {
                username: "system".into(),
                display_name: "Dòng lệnh (CLI)".into(),
                role: Role::Admin,
                scope: Scope::All,
                must_change_password: false,
                disabled: false,
            },
            ip: "local".into(),
            root: true,
        }
    }
    pub fn name(&self) -> &str {
        &self.account.username
    }
}

/// Longest user name accepted anywhere (and stored in the audit).
pub const MAX_USERNAME: usize = 64;
/// A password longer than this is refused unhashed.
pub const MAX_PASSWORD_BYTES: usize = 1024;
/// Longest audit key kept; longer ones are cut with "…".
const MAX_AUDIT_KEY: usize = 200;
/// Throttled logins wait this long in the request; a longer wait is answered 429.
const MAX_INLINE_DELAY: Duration = Duration::from_secs(8);

/// At most `max` characters of `s`, with "…" when cut: a field is bounded before it is
/// stored or logged.
pub fn bounded(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        None => s.to_string(),
        Some((i, _)) => format!("{}…", &s[..i]),
    }
}

/// How long a session lasts without a new login.
pub const SESSION_TTL: Duration = Duration::from_secs(8 * 60 * 60);
const MIN_PASSWORD: usize = 10;

/// Now, Vietnam time, to the second: `2026-11-26 09:30:12`.
pub fn now_text() -> String {
    let now = time::OffsetDateTime::now_utc()
        .to_offset(time::UtcOffset::from_hms(7, 0, 0).expect("offset"));
    format!(
        "{} {:02}:{:02}:{:02}",
        hoptac_core::date::to_iso(now.date()),
        now.hour(),
        now.minute(),
        now.second()
    )
}

/// Now in Vietnam time as RFC 3339 (`2026-12-07T10:15:00+07:00`), for documents sent out.
pub fn now_rfc3339() -> String {
    format!("{}+07:00", now_text().replacen(' ', "T", 1))
}

fn unix_now() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp()
}

fn random_token() -> Result<String> {
    let mut b = [0u8; 32];
    getrandom::fill(&mut b).map_err(|e| AppError::internal(format!("random: {e}")))?;
    Ok(b.iter().map(|x| format!("{x:02x}")).collect())
}

/// Sessions are stored by a hash of their token only.
pub fn token_hash(token: &str) -> String {
    Blake2s256::digest(token.as_bytes())
        .iter()
        .map(|x| format!("{x:02x}"))
        .collect()
}

pub fn hash_password(pw: &str) -> Result<String> {
    let h: PasswordHash = Argon2::default()
        .hash_password(pw.as_bytes())
        .map_err(|e| AppError::internal(format!("argon2: {e}")))?;
    Ok(h.to_string())
}

fn verify_password(pw: &str, hash: &str) -> bool {
    Argon2::default()
        .verify_password(pw.as_bytes(), hash)
        .is_ok()
}

/// Argon2 is deliberately slow (tens of ms): it runs on the blocking pool, never on the
/// async workers that serve every other request.
async fn verify_off(pw: &str, hash: &str) -> bool {
    let (pw, hash) = (pw.to_string(), hash.to_string());
    tokio::task::spawn_blocking(move || verify_password(&pw, &hash))
        .await
        .unwrap_or(false)
}

async fn hash_off(pw: &str) -> Result<String> {
    let pw = pw.to_string();
    tokio::task::spawn_blocking(move || hash_password(&pw))
        .await
        .map_err(|e| AppError::internal(format!("argon2: {e}")))?
}

fn check_password_rules(username: &str, pw: &str) -> Result<()> {
    if pw.chars().count() < MIN_PASSWORD {
        return Err(AppError::invalid(
            "password",
            "",
            hoptac_core::msg!("accounts.password_too_short", min_password = MIN_PASSWORD),
        ));
    }
    if hoptac_core::text::fold(pw).contains(&hoptac_core::text::fold(username)) {
        return Err(AppError::invalid(
            "password",
            "",
            hoptac_core::msg!("accounts.password_contains_username"),
        ));
    }
    Ok(())
}

/// A new session: the token for the cookie and the CSRF token for forms.
#[derive(Debug, Clone)]
pub struct NewSession {
    pub token: String,
    pub csrf: String,
    pub account: Account,
}

/// The current session of a request.
#[derive(Debug, Clone)]
pub struct Session {
    pub actor: Actor,
    pub csrf: String,
}

impl App {
    /// Records a refused request (CSRF failure, a step the role does not allow) in the
    /// audit, under the account's unit.
    pub async fn record_refusal(&self, actor: &Actor, entity: &str, key: &str) -> Result<()> {
        let unit = self.account_unit(&actor.account).await?;
        let e = self.audit_entry(actor, "refused", entity, key, unit);
        self.store().append_audit(&e).await?;
        Ok(())
    }

    /// The unit an account's own audit rows (logins, logouts, refusals) belong to, so the
    /// accounts above it read them: its scope's unit, or its organisation's commune.
    pub async fn account_unit(&self, a: &Account) -> Result<Option<UnitId>> {
        Ok(match &a.scope {
            Scope::All => None,
            Scope::Unit(u) => Some(*u),
            Scope::Org(code) => self.store().org(code).await?.map(|o| o.commune),
        })
    }

    /// An audit entry of this actor, now, for another crate writing through the store in the
    /// app's name (the demo fixture).
    pub fn audit_entry(
        &self,
        actor: &Actor,
        action: &str,
        entity: &str,
        key: &str,
        unit: Option<UnitId>,
    ) -> AuditEntry {
        AuditEntry {
            id: 0,
            at: now_text(),
            actor: bounded(actor.name(), MAX_USERNAME),
            ip: bounded(&actor.ip, 64),
            action: action.into(),
            entity: entity.into(),
            key: bounded(key, MAX_AUDIT_KEY),
            unit,
            before: None,
            after: None,
        }
    }

    /// An organisation by its code, for an actor of at least `min_role` allowed `action` on
    /// it: not found (404), or refused (403, recorded) before anything is read of it.
    pub(crate) async fn org_for(
        &self,
        actor: &Actor,
        org: &str,
        action: Action,
        min_role: hoptac_core::auth::Role,
    ) -> Result<(hoptac_core::OrgCode, hoptac_core::model::Organization)> {
        let code =
            hoptac_core::OrgCode::parse(org).ok_or_else(|| AppError::not_found("org", org))?;
        let o = self
            .store()
            .org(&code)
            .await?
            .ok_or_else(|| AppError::not_found("org", org))?;
        if actor.account.role < min_role {
            let e = self.audit_entry(actor, "refused", "org_step", code.as_str(), Some(o.commune));
            self.store().append_audit(&e).await?;
            return Err(AppError::Forbidden);
        }
        self.authorize(
            actor,
            action,
            &Resource::Org {
                code: code.clone(),
                commune: o.commune,
            },
        )
        .await?;
        Ok((code, o))
    }

    /// Checks a permission; a refusal is recorded in the audit trail and answered 403.
    pub async fn authorize(&self, actor: &Actor, action: Action, r: &Resource) -> Result<()> {
        // the units of the cached snapshot: no copy, no query beyond its generation check
        let snap = self.snapshot().await?;
        let units = &snap.units;
        if permits(&actor.account, action, r, &*snap) {
            return Ok(());
        }
        let (key, unit) = match r {
            Resource::Org { code, commune } => (code.to_string(), Some(*commune)),
            Resource::Unit(u) => (
                units
                    .iter()
                    .find(|x| x.id == *u)
                    .map(|x| x.code.clone())
                    .unwrap_or_default(),
                Some(*u),
            ),
            // a refusal on the installation is read by the accounts above the actor
            Resource::Everything => (String::new(), self.account_unit(&actor.account).await?),
        };
        let mut e = self.audit_entry(actor, "refused", action.code(), &key, unit);
        e.after = Some(format!("{{\"role\":\"{}\"}}", actor.account.role.code()));
        self.store().append_audit(&e).await?;
        tracing::warn!(actor = actor.name(), action = action.code(), key = %key, "permission refused");
        Err(AppError::Forbidden)
    }

    /// The unit an actor's figures default to, or a refusal for organisation accounts.
    pub async fn scope_root(&self, actor: &Actor) -> Result<Option<UnitId>> {
        match &actor.account.scope {
            Scope::All => Ok(None),
            Scope::Unit(u) => Ok(Some(*u)),
            Scope::Org(_) => {
                self.authorize(actor, Action::Read, &Resource::Everything)
                    .await?;
                Ok(None)
            }
        }
    }

    /// Logs in; a wrong user name and a wrong password get the same answer. Repeated
    /// failures, per account and per address, wait longer and longer.
    pub async fn login(&self, username: &str, password: &str, ip: &str) -> Result<NewSession> {
        // a name or password longer than any real one is a failed login, never stored whole
        let username = bounded(username.trim(), MAX_USERNAME);
        let too_long = password.len() > MAX_PASSWORD_BYTES;
        let password = if too_long { "" } else { password };
        // per account, and per (address, account): an office behind one NAT or proxy is not
        // blocked by one person's typos, and a success resets only its own account's counts
        let name_key = hoptac_core::text::fold(&username);
        let keys = [format!("u:{name_key}"), format!("ipu:{ip}|{name_key}")];
        if let Some(wait) = self.throttled(&keys) {
            if wait > MAX_INLINE_DELAY {
                return Err(AppError::Throttled(wait.as_secs().max(1)));
            }
            // a real delay: the answer comes later, whatever it is
            tokio::time::sleep(wait).await;
        }
        let username = username.as_str();
        let stored = match too_long {
            true => None,
            false => self.store().account(username).await?,
        };
        let ok = match &stored {
            Some(s) => verify_off(password, &s.password_hash).await && !s.account.disabled,
            None => {
                // spend the same time as a real check, so timing tells nothing
                static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
                let dummy = DUMMY
                    .get_or_init(|| hash_password("không có tài khoản này").unwrap_or_default());
                let _ = verify_off(password, dummy).await;
                false
            }
        };
        let actor = Actor {
            account: stored
                .as_ref()
                .map(|s| s.account.clone())
                .unwrap_or_else(|| Account {
                    username: username.trim().to_string(),
                    ..Actor::system().account
                }),
            ip: ip.into(),
            root: false,
        };
        let unit = match &stored {
            Some(s) => self.account_unit(&s.account).await?,
            None => None,
        };
        if !ok {
            self.fail(&keys);
            let e = self.audit_entry(&actor, "login_failed", "accounts", username, unit);
            self.store().append_audit(&e).await?;
            return Err(AppError::Unauthorized);
        }
        self.succeed(&keys);
        let account = stored.expect("checked").account;
        let token = random_token()?;
        let csrf = random_token()?;
        let expires_at = unix_now() + SESSION_TTL.as_secs() as i64;
        self.store()
            .create_session(
                &token_hash(&token),
                &SessionRow {
                    username: account.username.clone(),
                    csrf: csrf.clone(),
                    expires_at,
                },
            )
            .await?;
        let e = self.audit_entry(&actor, "login", "accounts", &account.username, unit);
        self.store().append_audit(&e).await?;
        Ok(NewSession {
            token,
            csrf,
            account,
        })
    }

    /// The session a cookie token opens, if it is valid and not expired.
    pub async fn session(&self, token: &str, ip: &str) -> Result<Option<Session>> {
        let h = token_hash(token);
        let Some(s) = self.store().session(&h).await? else {
            return Ok(None);
        };
        // an expired session is simply not one; reading it writes nothing (a GET never
        // writes), and its row, a hash only, is of no use to anyone
        if s.expires_at < unix_now() {
            return Ok(None);
        }
        let Some(a) = self.store().account(&s.username).await? else {
            return Ok(None);
        };
        if a.account.disabled {
            return Ok(None);
        }
        Ok(Some(Session {
            actor: Actor {
                account: a.account,
                ip: ip.into(),
                root: false,
            },
            csrf: s.csrf,
        }))
    }

    pub async fn logout(&self, token: &str, actor: &Actor) -> Result<()> {
        self.store().delete_session(&token_hash(token)).await?;
        let unit = self.account_unit(&actor.account).await?;
        let e = self.audit_entry(actor, "logout", "accounts", actor.name(), unit);
        self.store().append_audit(&e).await?;
        Ok(())
    }

    pub async fn change_password(&self, actor: &Actor, current: &str, new: &str) -> Result<()> {
        let stored = self
            .store()
            .account(actor.name())
            .await?
            .ok_or(AppError::Unauthorized)?;
        if !verify_off(current, &stored.password_hash).await {
            return Err(AppError::invalid(
                "current",
                "",
                hoptac_core::msg!("accounts.current_password_wrong"),
            ));
        }
        check_password_rules(actor.name(), new)?;
        let account = Account {
            must_change_password: false,
            ..stored.account
        };
        let unit = self.account_unit(&actor.account).await?;
        let e = self.audit_entry(actor, "password_changed", "accounts", actor.name(), unit);
        self.store()
            .save_account(&account, Some(&hash_off(new).await?), &e)
            .await?;
        // every session of the account ends: a stolen one too
        self.store().delete_sessions_of(actor.name()).await?;
        Ok(())
    }

    /// Creates an account; a name already taken is refused (`user passwd` or the account's
    /// edit page changes an existing one): creating never overwrites.
    pub async fn create_account(
        &self,
        actor: &Actor,
        a: Account,
        password: Option<&str>,
    ) -> Result<()> {
        if self.store().account(&a.username).await?.is_some() {
            return Err(AppError::invalid(
                "username",
                a.username.clone(),
                hoptac_core::msg!("accounts.username_taken", username = a.username),
            ));
        }
        self.save_account(actor, a, password).await
    }

    /// Creates or changes an account, only below the actor's own scope and role.
    pub async fn save_account(
        &self,
        actor: &Actor,
        a: Account,
        password: Option<&str>,
    ) -> Result<()> {
        let username_ok = !a.username.is_empty()
            && a.username.len() <= 40
            && a.username
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "._-".contains(c));
        if !username_ok {
            return Err(AppError::invalid(
                "username",
                a.username.clone(),
                hoptac_core::msg!("accounts.invalid_username"),
            ));
        }
        // the register with its changes: an office delegates on its ground through a reform
        let reg = self.snapshot().await?;
        let units = &reg.units;
        let org_commune = match &a.scope {
            Scope::Org(code) => Some(
                self.store()
                    .org(code)
                    .await?
                    .ok_or_else(|| {
                        AppError::invalid(
                            "scope",
                            code.to_string(),
                            hoptac_core::msg!("accounts.no_such_organisation", code = code),
                        )
                    })?
                    .commune,
            ),
            _ => None,
        };
        if let Scope::Unit(u) = a.scope
            && !units.iter().any(|x| x.id == u)
        {
            return Err(AppError::invalid(
                "scope",
                u.0.to_string(),
                hoptac_core::msg!("accounts.no_such_unit"),
            ));
        }
        if !actor.root && !may_delegate(&actor.account, a.role, &a.scope, &*reg, org_commune) {
            let unit = self.account_unit(&actor.account).await?;
            let mut e = self.audit_entry(actor, "refused", "manage_accounts", &a.username, unit);
            e.after = Some(serde_json::json!({ "role": a.role.code() }).to_string());
            self.store().append_audit(&e).await?;
            return Err(AppError::Forbidden);
        }
        let existing = self.store().account(&a.username).await?;
        if let Some(old) = &existing {
            let old_commune = match &old.account.scope {
                Scope::Org(c) => self.store().org(c).await?.map(|o| o.commune),
                _ => None,
            };
            if !may_delegate(
                &actor.account,
                old.account.role,
                &old.account.scope,
                &*reg,
                old_commune,
            ) {
                let unit = self.account_unit(&actor.account).await?;
                let e = self.audit_entry(actor, "refused", "manage_accounts", &a.username, unit);
                self.store().append_audit(&e).await?;
                return Err(AppError::Forbidden);
            }
        }
        let hash = match (password, &existing) {
            (Some(pw), _) => {
                check_password_rules(&a.username, pw)?;
                Some(hash_off(pw).await?)
            }
            (None, None) => {
                return Err(AppError::invalid(
                    "password",
                    "",
                    hoptac_core::msg!("accounts.initial_password_required"),
                ));
            }
            (None, Some(_)) => None,
        };
        let mut e = self.audit_entry(
            actor,
            if existing.is_some() {
                "update"
            } else {
                "create"
            },
            "accounts",
            &a.username,
            scope_unit(&a.scope, org_commune),
        );
        e.before = existing.as_ref().map(|o| account_json(&o.account));
        e.after = Some(account_json(&a));
        self.store().save_account(&a, hash.as_deref(), &e).await?;
        if a.disabled || hash.is_some() {
            self.store().delete_sessions_of(&a.username).await?;
        }
        Ok(())
    }

    /// The accounts an administrator may see: those within its scope.
    pub async fn accounts(&self, actor: &Actor) -> Result<Vec<Account>> {
        let root = match &actor.account.scope {
            Scope::All => None,
            Scope::Unit(u) => Some(*u),
            Scope::Org(_) => {
                self.record_refusal(actor, "manage_accounts", "list")
                    .await?;
                return Err(AppError::Forbidden);
            }
        };
        self.authorize(
            actor,
            Action::ManageAccounts,
            &root.map(Resource::Unit).unwrap_or(Resource::Everything),
        )
        .await?;
        let snap = self.snapshot().await?;
        let all = self.store().accounts().await?;
        Ok(all
            .into_iter()
            .filter(|a| {
                let commune = match &a.scope {
                    Scope::Org(c) => snap.orgs.iter().find(|o| &o.code == c).map(|o| o.commune),
                    _ => None,
                };
                actor
                    .account
                    .scope
                    .contains_scope(&a.scope, &*snap, commune)
            })
            .collect())
    }

    /// The audit trail within the actor's scope.
    pub async fn audit_trail(&self, actor: &Actor, mut q: AuditQuery) -> Result<Vec<AuditEntry>> {
        let units = self.units().await?;
        match &actor.account.scope {
            Scope::All => {
                self.authorize(actor, Action::ViewAudit, &Resource::Everything)
                    .await?;
            }
            Scope::Unit(u) => {
                self.authorize(actor, Action::ViewAudit, &Resource::Unit(*u))
                    .await?;
                // the installation's one root also reads the rows of no unit (settings,
                // shared definitions, accounts of the whole installation)
                if !permits(
                    &actor.account,
                    Action::ViewAudit,
                    &Resource::Everything,
                    &units,
                ) {
                    q.units = Some(subtree(&units, *u).into_iter().collect());
                }
            }
            Scope::Org(_) => {
                self.authorize(actor, Action::ViewAudit, &Resource::Everything)
                    .await?;
            }
        }
        if q.limit == 0 {
            q.limit = 500;
        }
        Ok(self.store().audit(&q).await?)
    }

    fn throttled(&self, keys: &[String]) -> Option<Duration> {
        let t = self.throttle.lock().expect("throttle lock");
        keys.iter()
            .filter_map(|k| t.get(k))
            .filter(|(n, _)| *n >= 5)
            .map(|(n, at)| {
                let wait = Duration::from_secs((1u64 << (n - 5).min(10)).min(900));
                wait.saturating_sub(at.elapsed())
            })
            .filter(|w| !w.is_zero())
            .max()
    }

    fn fail(&self, keys: &[String]) {
        let mut t = self.throttle.lock().expect("throttle lock");
        if t.len() > 10_000 {
            t.retain(|_, (_, at)| at.elapsed() < Duration::from_secs(3600));
        }
        for k in keys {
            let e = t.entry(k.clone()).or_insert((0, Instant::now()));
            e.0 += 1;
            e.1 = Instant::now();
        }
    }

    fn succeed(&self, keys: &[String]) {
        let mut t = self.throttle.lock().expect("throttle lock");
        for k in keys {
            t.remove(k);
        }
    }
}

fn scope_unit(s: &Scope, org_commune: Option<UnitId>) -> Option<UnitId> {
    match s {
        Scope::All => None,
        Scope::Unit(u) => Some(*u),
        Scope::Org(_) => org_commune,
    }
}

fn account_json(a: &Account) -> String {
    let scope = match &a.scope {
        Scope::All => "all".to_string(),
        Scope::Unit(u) => format!("unit:{}", u.0),
        Scope::Org(c) => format!("org:{c}"),
    };
    serde_json::json!({ "username": a.username, "display_name": a.display_name, "role": a.role.code(), "scope": scope, "must_change_password": a.must_change_password, "disabled": a.disabled }).to_string()
}

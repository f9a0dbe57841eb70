//! The year's evaluation lists as computed at one generation of the database. The
//! evaluations page asks for six of them (its year and the summary's five), and paging
//! through it asks again for each page; at national size one list costs ~0,6 s. Every
//! write moves the generation, so a list kept at the current generation is the list itself.

use hoptac_core::model::UnitId;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// (year, commune or larger unit, rubric).
pub(crate) type ListKey = (i32, Option<UnitId>, String);

/// Lists kept for one generation: a country's list of 35.000 rows is ~10 MB, and a page
/// with its summary needs six.
const KEPT: usize = 8;

/// `Row` is the list's line (`evaluation::EvaluationRow`): named by the caller, so this
/// module does not depend on the feature that uses it.
pub(crate) struct EvaluationMemo<Row> {
    generation: i64,
    lists: HashMap<ListKey, Arc<Vec<Row>>>,
    unreadable: Option<Arc<Vec<String>>>,
}

/// Held by the application without its type (`context.rs`), like the review's memo.
pub(crate) type Shared = Arc<Mutex<Option<Box<dyn std::any::Any + Send>>>>;

/// `f` on the memo of `generation`; nothing when the memo is already at a newer one (a
/// reader that started before a write neither reads nor files anything).
fn with<Row: Send + Sync + 'static, R>(
    shared: &Shared,
    generation: i64,
    f: impl FnOnce(&mut EvaluationMemo<Row>) -> R,
) -> Option<R> {
    let mut slot = shared.lock().expect("memo lock");
    let fresh = || -> Box<dyn std::any::Any + Send> {
        Box::new(EvaluationMemo::<Row> {
            generation,
            lists: HashMap::new(),
            unreadable: None,
        })
    };
    let memo = slot.get_or_insert_with(fresh);
    if memo
        .downcast_ref::<EvaluationMemo<Row>>()
        .is_none_or(|m| m.generation < generation)
    {
        *memo = fresh();
    }
    let m = memo.downcast_mut::<EvaluationMemo<Row>>()?;
    (m.generation == generation).then(|| f(m))
}

pub(crate) fn list<Row: Send + Sync + 'static>(
    shared: &Shared,
    generation: i64,
    key: &ListKey,
) -> Option<Arc<Vec<Row>>> {
    with::<Row, _>(shared, generation, |m| m.lists.get(key).cloned()).flatten()
}

pub(crate) fn keep_list<Row: Send + Sync + 'static>(
    shared: &Shared,
    generation: i64,
    key: ListKey,
    rows: Arc<Vec<Row>>,
) {
    with::<Row, _>(shared, generation, |m| {
        if m.lists.len() >= KEPT {
            m.lists.clear();
        }
        m.lists.insert(key, rows);
    });
}

pub(crate) fn unreadable<Row: Send + Sync + 'static>(
    shared: &Shared,
    generation: i64,
) -> Option<Arc<Vec<String>>> {
    with::<Row, _>(shared, generation, |m| m.unreadable.clone()).flatten()
}

pub(crate) fn keep_unreadable<Row: Send + Sync + 'static>(
    shared: &Shared,
    generation: i64,
    names: Arc<Vec<String>>,
) {
    with::<Row, _>(shared, generation, |m| m.unreadable = Some(names));
}

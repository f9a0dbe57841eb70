/// One catalogue entry: (code, Vietnamese template, English template). Templates name their
/// arguments in braces, `{value}`; a literal brace is written twice.
pub type Entry = (&'static str, &'static str, &'static str);

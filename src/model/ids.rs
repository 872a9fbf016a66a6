//! Typed names for what the rule files declare: categories
//! (`rules/categories.toml`) and gap ids (`rules/gaps.toml`). A value of these
//! types exists only for a name some rule file declared, so a typo in a rule
//! or gap file is a load error, never another category's wording.

use serde::{Serialize, Serializer};
use std::collections::HashSet;
use std::fmt;
use std::sync::{Mutex, OnceLock};

/// Names are interned once per process: a category or gap id is then a
/// `Copy` pointer-sized value that compares and hashes like its name.
fn intern(name: &str) -> &'static str {
    static NAMES: OnceLock<Mutex<HashSet<&'static str>>> = OnceLock::new();
    let mut names = NAMES
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some(known) = names.get(name) {
        return known;
    }
    let leaked: &'static str = Box::leak(name.to_owned().into_boxed_str());
    names.insert(leaked);
    leaked
}

macro_rules! declared_name {
    ($(#[$doc:meta])* $ty:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $ty(&'static str);

        impl $ty {
            /// The value for a name declared in a rule file. Only the rule
            /// loader (and tests) call this: everywhere else a value comes
            /// from the loaded catalogue.
            pub fn declared(name: &str) -> Self {
                $ty(intern(name))
            }

            /// The name as written in the rule files and in JSON output.
            pub fn as_str(self) -> &'static str {
                self.0
            }
        }

        impl fmt::Debug for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Debug::fmt(self.0, f)
            }
        }

        // `pad`, not `write_str`: a width in the format (`{:<37}`, the
        // columns of `treatyscan rules`) applies to the name
        impl fmt::Display for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.pad(self.0)
            }
        }

        impl PartialEq<str> for $ty {
            fn eq(&self, other: &str) -> bool {
                self.0 == other
            }
        }

        impl PartialEq<&str> for $ty {
            fn eq(&self, other: &&str) -> bool {
                self.0 == *other
            }
        }

        impl Serialize for $ty {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.0)
            }
        }
    };
}

declared_name!(
    /// A provision category of `CATEGORIES.md` (`cultural_exception`,
    /// `ecommerce_duties`, …), as declared in `rules/categories.toml`.
    Category
);

declared_name!(
    /// An agreement-level gap (`missing_convention_reference`, …), as declared
    /// in `rules/gaps.toml`.
    GapId
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_one_value_however_often_declared() {
        let a = Category::declared("cultural_exception");
        let b = Category::declared(&String::from("cultural_exception"));
        assert_eq!(a, b);
        assert!(std::ptr::eq(a.as_str(), b.as_str()));
        assert_eq!(a, "cultural_exception");
        assert_ne!(a, Category::declared("policy_space"));
        assert_eq!(serde_json::to_string(&a).unwrap(), "\"cultural_exception\"");
    }

    /// A width in the format applies, so that ids line up in columns.
    #[test]
    fn a_name_fills_the_width_it_is_given() {
        let id = GapId::declared("missing_policy_space");
        assert_eq!(format!("{id:<24}|"), "missing_policy_space    |");
        assert_eq!(format!("{id}|"), "missing_policy_space|");
    }
}

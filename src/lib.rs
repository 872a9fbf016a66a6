//! treatyscan: reads trade agreements and reports where they stand on culture.
//!
//! Data flows one way, one module per stage:
//! `source` (files → text with a location map) → `text` → `structure` (pest
//! grammar → provision tree) → `provision` (the tree) → `rules` (rule engine) →
//! `findings` (article findings and agreement gaps) → `report` (output formats).
//! `compare` and `corpus` are built on top of those stages; `cli` is a thin layer.

pub mod cli;
pub mod compare;
pub mod corpus;
pub mod eval;
pub mod findings;
pub mod provision;
pub mod report;
pub mod rules;
pub mod source;
pub mod structure;
pub mod text;

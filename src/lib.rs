#![warn(missing_docs)]
//! treatyscan: reads trade agreements and reports where they stand on culture.
//!
//! Data flows one way, one module per stage; a stage imports only the stages
//! before it:
//! `source` (files → text with a location map) → `text` → `structure` (pest
//! grammar → provision tree) → `provision` (the tree) → `model` (findings and
//! gaps, as reports read them) → `rules` (the rule engine, and the categories
//! and gaps declared beside the rules) → `gaps` (gap reasoning) → `review`
//! (rules, then gaps, then filters) → `report` (output formats, from the model
//! alone). `compare`, `corpus` and `eval` are built on those stages; `cli` is
//! a thin layer over them. `locale` (the output language and the program's
//! Fluent strings) sits below them all and imports none of them.

pub mod cli;
pub mod compare;
pub mod corpus;
pub mod eval;
pub mod gaps;
pub mod locale;
pub mod model;
pub mod provision;
pub mod report;
pub mod review;
pub mod rules;
pub mod source;
pub mod structure;
pub mod text;

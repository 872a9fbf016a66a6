pub mod gaps;

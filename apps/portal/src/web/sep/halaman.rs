//! The pages of the office applications.

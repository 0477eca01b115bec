//! Speakers, one per `speaker_id`, numbered in the order the (date-sorted)
//! statements first name them: a speaker id must always name the same
//! person, or the build fails naming both files.

use std::collections::HashMap;

use super::error::CorpusError;
use super::files::Files;
use super::statement_file::Loaded;
use crate::model::{Speaker, SpeakerId, Statement};

/// The speakers of `loaded`, each once, and the statements pointing at
/// them; an error when a speaker id is given two names.
pub(super) fn number_speakers(
    files: &Files,
    loaded: Vec<Loaded>,
) -> Result<(Vec<Speaker>, Vec<Statement>), CorpusError> {
    let mut speakers: Vec<Speaker> = Vec::new();
    let mut first_seen: HashMap<String, (SpeakerId, String)> = HashMap::new();
    let mut statements = Vec::with_capacity(loaded.len());
    for Loaded {
        mut statement,
        speaker_id,
        speaker_name,
    } in loaded
    {
        let toml = files.statement(&statement.id, "toml");
        statement.speaker = match first_seen.get(&speaker_id) {
            Some((index, _)) if speakers[*index as usize].name == speaker_name => *index,
            Some((index, where_)) => {
                return Err(files.error(
                    &toml,
                    Some("speaker"),
                    format!(
                        "speaker_id {speaker_id:?} is {:?} in {where_}, but {speaker_name:?} here",
                        speakers[*index as usize].name
                    ),
                ))
            }
            None => {
                let index = SpeakerId::try_from(speakers.len())
                    .map_err(|_| files.error(&toml, Some("speaker_id"), "too many speakers"))?;
                speakers.push(Speaker {
                    id: speaker_id.clone(),
                    name: speaker_name,
                });
                first_seen.insert(
                    speaker_id,
                    (index, files.shown(&toml).display().to_string()),
                );
                index
            }
        };
        statements.push(statement);
    }
    Ok((speakers, statements))
}

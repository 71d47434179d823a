// The ids of the bundled record, which most tests seed and read.
global using static Consultations.Tests.Reading.JapanItalyRecord;

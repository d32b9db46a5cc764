#!/usr/bin/env bash
# Regenerates speech-sample.wav, the synthetic microphone's looped speech (media-capture's SpeechSampleSource):
# espeak-ng's English voice (apt-get install espeak-ng ffmpeg), resampled to Parley's 48 kHz mono 16-bit PCM.
set -euo pipefail
cd "$(dirname "$0")"
text="Hello, this is the Parley test microphone. One, two, three, four, five."
tmp=$(mktemp --suffix=.wav)
trap 'rm -f "$tmp"' EXIT
espeak-ng -v en-gb -s 150 -w "$tmp" "$text"
ffmpeg -loglevel error -y -i "$tmp" -af "aresample=48000:resampler=soxr,volume=0.9,apad=pad_dur=0.6" \
  -ac 1 -ar 48000 -c:a pcm_s16le -map_metadata -1 -fflags +bitexact speech-sample.wav

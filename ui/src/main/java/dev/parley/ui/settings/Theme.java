package dev.parley.ui.settings;

/** Light or dark; SYSTEM follows the desktop where it can be detected. */
public enum Theme { SYSTEM, LIGHT, DARK }

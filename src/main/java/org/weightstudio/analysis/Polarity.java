package org.weightstudio.analysis;

/** Which way round a digit picture is: ink darker than the paper, or lighter. */
public enum Polarity {
    DARK_ON_LIGHT,
    LIGHT_ON_DARK
}

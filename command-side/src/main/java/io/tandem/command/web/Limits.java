package io.tandem.command.web;

import io.tandem.command.common.Texts;

/** Size limits of request fields, in characters or list entries: the domain's, checked before dispatch. */
final class Limits {

    static final int TITLE = Texts.TITLE_MAX;
    static final int TEXT = Texts.TEXT_MAX;
    static final int ID = Texts.ID_MAX;
    static final int LIST = 50;

    private Limits() {
    }
}

package com.aftercare.identity;

/**
 * What a person is called where a sentence names them: "派单给 张伟", not the account's user name "zhangwei" (or
 * "engineer" in the demo), which the case page's own fields already show as the name. Used where stored events
 * name people by user name and are turned into text when read (the timeline, escalation messages).
 */
@FunctionalInterface
public interface PersonNames {

    /** User names as they are: for tests of wording that have no accounts. */
    PersonNames AS_GIVEN = username -> username;

    /** The account's display name; the user name itself when no account has it (free text, a deleted account). */
    String of(String username);
}

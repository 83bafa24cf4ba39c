package org.safeguardinghub.organisation.groups;

/** What a person does in a group. */
public enum MemberRole {
    CHAIR("Chair"),
    VICE_CHAIR("Vice-chair"),
    MEMBER("Member"),
    ADVISER("Adviser");

    private final String label;

    MemberRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

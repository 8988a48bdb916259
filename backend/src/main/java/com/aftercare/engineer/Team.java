package com.aftercare.engineer;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

@Entity
public class Team {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String name;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private com.aftercare.asset.Region region;
    /** Skill tags, comma-separated (see {@link Skills}). */
    private String skills;
    /** The user name of the team lead; null = none. */
    @jakarta.persistence.Column(name = "lead_username")
    private String leadUsername;

    protected Team() {
    }

    public Team(String name) {
        this.name = name;
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public com.aftercare.asset.Region getRegion() { return region; }
    public java.util.List<String> getSkills() { return Skills.split(skills); }
    public String getLeadUsername() { return leadUsername; }

    void describe(String name, com.aftercare.asset.Region region, java.util.List<String> skills, String leadUsername) {
        this.name = name;
        this.region = region;
        this.skills = Skills.join(skills);
        this.leadUsername = leadUsername;
    }
}

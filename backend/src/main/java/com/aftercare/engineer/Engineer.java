package com.aftercare.engineer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/** A field or second-line engineer. The username is the one they sign in with and the task assignee. */
@Entity
public class Engineer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String username;
    @Column(name = "display_name")
    private String displayName;
    private String phone;
    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "team_id")
    private Team team;
    /** The area the engineer covers (city or counties); null = not said. */
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private com.aftercare.asset.Region region;
    /** Skill tags, comma-separated (see {@link Skills}). */
    private String skills;

    protected Engineer() {
    }

    public Engineer(String username, String displayName, String phone, Team team) {
        this.username = username;
        this.displayName = displayName;
        this.phone = phone;
        this.team = team;
    }

    public Long getId() { return id; }
    public String getUsername() { return username; }
    public String getDisplayName() { return displayName; }
    public String getPhone() { return phone; }
    public Team getTeam() { return team; }
    public com.aftercare.asset.Region getRegion() { return region; }
    public java.util.List<String> getSkills() { return Skills.split(skills); }

    void describe(String displayName, String phone, com.aftercare.asset.Region region, java.util.List<String> skills, Team team) {
        this.displayName = displayName;
        this.phone = phone;
        this.region = region;
        this.skills = Skills.join(skills);
        this.team = team;
    }
}

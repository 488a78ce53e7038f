package io.tierline.routing.internal;

import io.tierline.routing.SkillKind;

/** One skill of an agent with its level (1 basic .. 5 expert). {@code skill} is lower case. */
public record Skill(SkillKind kind, String skill, int level) {
}

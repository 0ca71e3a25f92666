package org.jobdash.resume.version;

/** One change of a version ({@code resume_version_changes}): {@code changeType} is added, removed or modified. */
public record SectionChange(String section, String changeType, String oldValue, String newValue) {

  public static final String ADDED = "added";
  public static final String REMOVED = "removed";
  public static final String MODIFIED = "modified";
}

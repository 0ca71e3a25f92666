package org.jobdash.resume.upload;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class XmlPrologGuardTest {

  private static boolean declares(byte[] xml, int piece) {
    XmlPrologGuard guard = new XmlPrologGuard();
    for (int i = 0; i < xml.length; i += piece) {
      if (guard.declaresDoctype(xml, i, Math.min(piece, xml.length - i))) {
        return true;
      }
    }
    return false;
  }

  private static boolean declares(String xml) {
    byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
    return declares(bytes, bytes.length) || declares(bytes, 1);
  }

  @Test
  void aDoctypeAfterTheDeclarationCommentsAndInstructionsIsSeen() {
    assertThat(declares("<!DOCTYPE a [<!ENTITY x \"y\">]><a/>")).isTrue();
    assertThat(declares("<?xml version=\"1.0\"?>\n<!-- a <comment> -->\n<?pi x?>\n<!DOCTYPE a><a/>")).isTrue();
    assertThat(declares("\uFEFF<?xml version=\"1.0\"?><!DOCTYPE a><a/>")).isTrue();
  }

  @Test
  void aDoctypeInUtf16IsSeen() {
    assertThat(declares("<?xml version=\"1.0\" encoding=\"UTF-16\"?><!DOCTYPE a><a/>"
        .getBytes(StandardCharsets.UTF_16), 3)).isTrue();
    assertThat(declares("<?xml version=\"1.0\"?><!DOCTYPE a><a/>".getBytes(StandardCharsets.UTF_16LE), 7))
        .isTrue();
  }

  @Test
  void anOrdinaryPartHasNoDoctypeAndTheRootElementEndsTheWatch() {
    assertThat(declares("<?xml version=\"1.0\" standalone=\"yes\"?>\n<w:document><w:t>&lt;!DOCTYPE</w:t>"
        + "</w:document>")).isFalse();
    assertThat(declares("<a><![CDATA[<!DOCTYPE a>]]></a>")).isFalse();
    assertThat(declares("<!-- <!DOCTYPE a> --><a/>")).isFalse();
    assertThat(declares("<!DOCTYP")).isFalse();
  }
}

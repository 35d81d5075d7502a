/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.network.objects;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CidrTest {

  @Test
  void ipv4BlocksContainTheirAddressesOnly() {
    Cidr linkLocal = Cidr.parse("169.254.0.0/16");
    assertThat(linkLocal.contains(Cidr.address("169.254.169.254"))).isTrue();
    assertThat(linkLocal.contains(Cidr.address("169.255.0.1"))).isFalse();
    assertThat(Cidr.parse("169.254.169.254/32").contains(Cidr.address("169.254.169.254"))).isTrue();
    assertThat(Cidr.parse("169.254.169.252/31").contains(Cidr.address("169.254.169.254"))).isFalse();
    assertThat(Cidr.parse("169.254.169.252/30").contains(Cidr.address("169.254.169.254"))).isTrue();
    assertThat(Cidr.parse("100.64.0.0/10").contains(Cidr.address("100.100.100.200"))).isTrue();
    assertThat(Cidr.parse("0.0.0.0/0").isEverything()).isTrue();
    // Host bits set are allowed, as Go's ParseCIDR masks them.
    assertThat(Cidr.parse("10.1.2.3/8").contains(Cidr.address("10.200.0.1"))).isTrue();
  }

  @Test
  void ipv6BlocksParseEveryShorthand() {
    assertThat(Cidr.address("fd00:ec2::254")).containsExactly(
        0xfd, 0x00, 0x0e, 0xc2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02, 0x54);
    assertThat(Cidr.address("::")).containsOnly(0);
    assertThat(Cidr.address("::ffff:169.254.169.254")).hasSize(16);
    assertThat(Cidr.address("1:2:3:4:5:6:7::")).hasSize(16);
    assertThat(Cidr.parse("fd00:ec2::/32").contains(Cidr.address("fd00:ec2::254"))).isTrue();
    assertThat(Cidr.parse("fd00:ec3::/32").contains(Cidr.address("fd00:ec2::254"))).isFalse();
    assertThat(Cidr.parse("::/0").contains(Cidr.address("fd00:ec2::254"))).isTrue();
    assertThat(Cidr.parse("fd00:ec2::254/128").contains(Cidr.address("fd00:ec2::254"))).isTrue();
    assertThat(Cidr.parse("fc00::/7").contains(Cidr.parse("fd00:ec2::/32"))).isTrue();
  }

  @Test
  void familiesNeverContainEachOther() {
    assertThat(Cidr.parse("::/0").contains(Cidr.address("169.254.169.254"))).isFalse();
    assertThat(Cidr.parse("0.0.0.0/0").contains(Cidr.address("fd00:ec2::254"))).isFalse();
    // An IPv4-mapped address stays IPv6.
    assertThat(Cidr.parse("0.0.0.0/0").contains(Cidr.address("::ffff:169.254.169.254"))).isFalse();
  }

  @Test
  void malformedBlocksAreNotBlocks() {
    for (String text : new String[] {"10.0.0.0", "10.0.0.0/33", "10.0.0/8", "256.0.0.0/8", "10.0.0.0/-1",
        "1::2::3/64", "::/129", "12345::/16", "g::/16", "1:2:3:4:5:6:7:8:9/64", "1.2.3.4.5/8", "/8", "10.0.0.0/"}) {
      assertThat(Cidr.parse(text)).as(text).isNull();
    }
    assertThat(Cidr.parse(null)).isNull();
  }

  @Test
  void broadBlocksAreTheWholeSpaceOrWiderThanANetwork() {
    assertThat(Policies.broadness(Cidr.parse("0.0.0.0/0"))).isEqualTo("every IPv4 address");
    assertThat(Policies.broadness(Cidr.parse("::/0"))).isEqualTo("every IPv6 address");
    assertThat(Policies.broadness(Cidr.parse("128.0.0.0/1"))).isEqualTo("50% of every IPv4 address");
    assertThat(Policies.broadness(Cidr.parse("8.0.0.0/7"))).isEqualTo("more than a /8 of IPv4 addresses");
    assertThat(Policies.broadness(Cidr.parse("10.0.0.0/8"))).isNull();
    assertThat(Policies.broadness(Cidr.parse("2000::/3"))).isEqualTo("13% of every IPv6 address");
    assertThat(Policies.broadness(Cidr.parse("fc00::/7"))).isNull();
    assertThat(Policies.broadness(Cidr.parse("2001:db8::/32"))).isNull();
  }
}

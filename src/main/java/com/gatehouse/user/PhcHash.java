package com.gatehouse.user;

import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * An Argon2id hash in the PHC string form that libargon2 and Bouncy Castle both read and write
 * ({@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}, unpadded Base64): the stored form of a
 * password, which names the cost it was made at. A missing {@code v=} means version 0x10, as both
 * libraries read it. Never printed: it is what an offline guesser would start from.
 */
record PhcHash(int version, int memoryKib, int iterations, int parallelism, byte[] salt, byte[] hash) {

	static final int VERSION_13 = 0x13;

	private static final int VERSION_10 = 0x10;

	/** At most nine digits each, so every number fits an int; libargon2 judges whether it is sane. */
	private static final Pattern FORM = Pattern.compile(
			"\\$argon2id(?:\\$v=(\\d{1,9}))?\\$m=(\\d{1,9}),t=(\\d{1,9}),p=(\\d{1,9})\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");

	private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();

	/** The hash {@code phc} names; null when it is not an Argon2id PHC string. */
	static @Nullable PhcHash parse(String phc) {
		Matcher parts = FORM.matcher(phc);
		if (!parts.matches()) {
			return null;
		}
		try {
			int version = (parts.group(1) != null) ? Integer.parseInt(parts.group(1)) : VERSION_10;
			return new PhcHash(version, Integer.parseInt(parts.group(2)), Integer.parseInt(parts.group(3)),
					Integer.parseInt(parts.group(4)), Base64.getDecoder().decode(parts.group(5)),
					Base64.getDecoder().decode(parts.group(6)));
		}
		catch (IllegalArgumentException notBase64) {
			return null;
		}
	}

	PhcHash withHash(byte[] computed) {
		return new PhcHash(this.version, this.memoryKib, this.iterations, this.parallelism, this.salt, computed);
	}

	String format() {
		return "$argon2id$v=" + this.version + "$m=" + this.memoryKib + ",t=" + this.iterations + ",p="
				+ this.parallelism + "$" + ENCODER.encodeToString(this.salt) + "$" + ENCODER.encodeToString(this.hash);
	}

	@Override
	public String toString() {
		return "PhcHash[m=" + this.memoryKib + ",t=" + this.iterations + ",p=" + this.parallelism + ", [PROTECTED]]";
	}
}

package io.tierline.channel.phone;

/** A webhook delivery without a valid, fresh signature: answered 401 and not looked at further. */
class UnsignedDelivery extends RuntimeException {

	UnsignedDelivery(String reason) {
		super(reason);
	}
}

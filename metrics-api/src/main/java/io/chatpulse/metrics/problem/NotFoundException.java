package io.chatpulse.metrics.problem;

/** Nothing of the caller's tenant matches; says the same whether or not another tenant has it. */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String detail) {
        super(detail);
    }
}

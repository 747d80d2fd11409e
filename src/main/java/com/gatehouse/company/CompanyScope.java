package com.gatehouse.company;

import org.jspecify.annotations.Nullable;

/** The {@code scope} of a company read, update or delete: the company's handle. */
record CompanyScope(@Nullable String company) {
}

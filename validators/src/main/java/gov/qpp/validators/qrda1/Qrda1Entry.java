package gov.qpp.validators.qrda1;

import java.time.LocalDate;

/**
 * One QDM data element of a patient's QRDA I document: its datatype (by template), its code, when it happened,
 * and its result when it has one ({@code valueCode} for a coded result, {@code valueQuantity} with {@code unit}
 * for a measured one). {@code line} is where its element starts, for messages.
 */
public record Qrda1Entry(String datatype, String code, String codeSystem, LocalDate start, LocalDate end,
    String valueCode, String valueCodeSystem, String valueQuantity, String unit, int line) {
}

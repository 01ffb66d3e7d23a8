// Form controls over react-aria-components (labels, descriptions and errors wired for screen
// readers, keyboard use, the Ukrainian locale). A field shows the rule the client knows as
// the person types and always the server's verdict (`serverError`) once it has one.

import type { ReactNode } from "react";
import {
  Button as AriaButton,
  type ButtonProps,
  Checkbox as AriaCheckbox,
  FieldError,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Select as AriaSelect,
  SelectValue,
  Text,
  TextArea,
  TextField as AriaTextField,
} from "react-aria-components";

export function Button({
  variant = "primary",
  className,
  ...props
}: ButtonProps & { variant?: "primary" | "secondary" | "danger" | "quiet" }) {
  return <AriaButton {...props} className={`btn btn-${variant} ${className ?? ""}`} />;
}

interface TextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  description?: string;
  /** The server's verdict on this field. */
  serverError?: string | null;
  /** A rule checked as the person types: returns the problem, or null. */
  validate?: (value: string) => string | null;
  type?: "text" | "email" | "password" | "url" | "tel" | "date" | "time" | "datetime-local";
  multiline?: boolean;
  rows?: number;
  isRequired?: boolean;
  maxLength?: number;
  name?: string;
  autoComplete?: string;
  autoFocus?: boolean;
  className?: string;
}

export function TextField(props: TextFieldProps) {
  const local = props.value !== "" && props.validate ? props.validate(props.value) : null;
  const problem = props.serverError ?? local;
  return (
    <AriaTextField
      className={`field ${props.className ?? ""}`}
      value={props.value}
      onChange={props.onChange}
      isRequired={props.isRequired}
      isInvalid={!!problem}
      maxLength={props.maxLength}
      name={props.name}
      type={props.multiline ? undefined : (props.type ?? "text")}
      autoComplete={props.autoComplete}
      autoFocus={props.autoFocus}
      validationBehavior="aria"
    >
      <Label>
        {props.label}
        {props.isRequired ? <span aria-hidden="true"> *</span> : null}
      </Label>
      {props.multiline ? <TextArea rows={props.rows ?? 4} /> : <Input />}
      {props.description ? <Text slot="description">{props.description}</Text> : null}
      <FieldError className="field-error">{problem}</FieldError>
    </AriaTextField>
  );
}

export function Checkbox({
  isSelected,
  onChange,
  children,
}: {
  isSelected: boolean;
  onChange: (v: boolean) => void;
  children: ReactNode;
}) {
  return (
    <AriaCheckbox className="checkbox" isSelected={isSelected} onChange={onChange}>
      <span className="checkbox-box" aria-hidden="true">
        {isSelected ? "✓" : ""}
      </span>
      {children}
    </AriaCheckbox>
  );
}

export interface Option {
  id: string;
  label: string;
}

export function Select({
  label,
  options,
  value,
  onChange,
  serverError,
  description,
  labelHidden,
}: {
  label: string;
  /** The label is read by screen readers only (a table's column already names the field). */
  labelHidden?: boolean;
  options: Option[];
  value: string | null;
  onChange: (id: string) => void;
  serverError?: string | null;
  description?: string;
}) {
  return (
    <AriaSelect
      className="field"
      selectedKey={value}
      onSelectionChange={(key) => key !== null && onChange(String(key))}
      isInvalid={!!serverError}
    >
      <Label className={labelHidden ? "visually-hidden" : undefined}>{label}</Label>
      <AriaButton className="select-button">
        <SelectValue />
        <span aria-hidden="true">▾</span>
      </AriaButton>
      {description ? <Text slot="description">{description}</Text> : null}
      <FieldError className="field-error">{serverError}</FieldError>
      <Popover className="popover">
        <ListBox className="listbox" items={options}>
          {(o) => (
            <ListBoxItem id={o.id} className="listbox-item" textValue={o.label}>
              {o.label}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </AriaSelect>
  );
}

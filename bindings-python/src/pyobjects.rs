//! Serialisable core values straight to Python objects: what
//! `json.loads(text, parse_float=Decimal, parse_int=Decimal)` makes of their JSON text (dicts in
//! key order, lists, `str`, `bool`, `None`, every number an exact `Decimal`), without writing
//! and parsing the text. A result's tree is about 2,500 objects; through the text, CPython's
//! JSON parser alone cost about 0.7 ms a unit of the benchmark set.
//!
//! pythonize (the maintained serde-to-Python library) makes integers `int` and cannot see the
//! exact-number protocol below, so the conversion is written here. Dict keys and `Decimal`s are
//! kept by their text for the whole conversion (a batch's results share them: `Decimal` and
//! `str` are immutable), so the usual `1`, `0.5`, `"points"` are made once.

use std::collections::HashMap;
use std::fmt;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyList, PyString, PyType};
use serde::ser::{self, Serialize};

use crate::values::decimal_type;

/// serde_json's name for an exact number written as its digits (feature `arbitrary_precision`):
/// a one-field struct whose field is the number's text.
const NUMBER_TOKEN: &str = "$serde_json::private::Number";

/// How many texts of numbers and keys a conversion keeps (a bound on its memory).
const KEEP_MAX: usize = 4096;

/// Converts serialisable values to Python objects; keeps what it made for the next value.
pub(crate) struct Builder<'py> {
    py: Python<'py>,
    decimal: Bound<'py, PyType>,
    numbers: HashMap<String, Bound<'py, PyAny>>,
    keys: HashMap<String, Bound<'py, PyString>>,
    /// The next `str` is a dict key.
    key: bool,
}

impl<'py> Builder<'py> {
    pub(crate) fn new(py: Python<'py>) -> PyResult<Self> {
        Ok(Builder {
            py,
            decimal: decimal_type(py)?.clone(),
            numbers: HashMap::new(),
            keys: HashMap::new(),
            key: false,
        })
    }

    /// `value` as Python objects.
    pub(crate) fn build(&mut self, value: &impl Serialize) -> PyResult<Bound<'py, PyAny>> {
        value.serialize(Ser { b: self }).map_err(|e| e.0)
    }

    fn number(&mut self, text: &str) -> Result<Bound<'py, PyAny>, Error> {
        if let Some(d) = self.numbers.get(text) {
            return Ok(d.clone());
        }
        let d = self.decimal.call1((text,)).map_err(Error)?;
        if self.numbers.len() < KEEP_MAX {
            self.numbers.insert(text.to_owned(), d.clone());
        }
        Ok(d)
    }

    fn text(&mut self, s: &str) -> Bound<'py, PyAny> {
        if !std::mem::take(&mut self.key) {
            return PyString::new(self.py, s).into_any();
        }
        if let Some(k) = self.keys.get(s) {
            return k.clone().into_any();
        }
        let k = PyString::new(self.py, s);
        if self.keys.len() < KEEP_MAX {
            self.keys.insert(s.to_owned(), k.clone());
        }
        k.into_any()
    }

    fn none(&self) -> Bound<'py, PyAny> {
        self.py.None().into_bound(self.py)
    }

    /// A dict key: text as it is; a number or a boolean as serde_json writes it as a key.
    fn key_of<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<Bound<'py, PyAny>, Error> {
        self.key = true;
        let k = key.serialize(Ser { b: self });
        self.key = false;
        let k = k?;
        if k.is_instance_of::<PyString>() {
            Ok(k)
        } else if k.is_instance_of::<PyBool>() {
            let text = if k.is_truthy().map_err(Error)? {
                "true"
            } else {
                "false"
            };
            Ok(self.text(text))
        } else if k.is_instance(&self.decimal).map_err(Error)? {
            Ok(k.str().map_err(Error)?.into_any())
        } else {
            Err(ser::Error::custom("a map key that is not text"))
        }
    }
}

/// A Python exception raised while converting.
pub(crate) struct Error(PyErr);

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error(PyValueError::new_err(msg.to_string()))
    }
}

struct Ser<'a, 'py> {
    b: &'a mut Builder<'py>,
}

type Out<'py> = Result<Bound<'py, PyAny>, Error>;

impl<'a, 'py> ser::Serializer for Ser<'a, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    type SerializeSeq = Seq<'a, 'py>;
    type SerializeTuple = Seq<'a, 'py>;
    type SerializeTupleStruct = Seq<'a, 'py>;
    type SerializeTupleVariant = Seq<'a, 'py>;
    type SerializeMap = Map<'a, 'py>;
    type SerializeStruct = Map<'a, 'py>;
    type SerializeStructVariant = Map<'a, 'py>;

    fn serialize_bool(self, v: bool) -> Out<'py> {
        Ok(PyBool::new(self.b.py, v).to_owned().into_any())
    }
    fn serialize_i8(self, v: i8) -> Out<'py> {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i16(self, v: i16) -> Out<'py> {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i32(self, v: i32) -> Out<'py> {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i64(self, v: i64) -> Out<'py> {
        self.b.number(itoa::Buffer::new().format(v))
    }
    fn serialize_i128(self, v: i128) -> Out<'py> {
        self.b.number(itoa::Buffer::new().format(v))
    }
    fn serialize_u8(self, v: u8) -> Out<'py> {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u16(self, v: u16) -> Out<'py> {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u32(self, v: u32) -> Out<'py> {
        self.serialize_u64(u64::from(v))
    }
    fn serialize_u64(self, v: u64) -> Out<'py> {
        self.b.number(itoa::Buffer::new().format(v))
    }
    fn serialize_u128(self, v: u128) -> Out<'py> {
        self.b.number(itoa::Buffer::new().format(v))
    }
    fn serialize_f32(self, v: f32) -> Out<'py> {
        self.float(serde_json::to_string(&v))
    }
    fn serialize_f64(self, v: f64) -> Out<'py> {
        self.float(serde_json::to_string(&v))
    }
    fn serialize_char(self, v: char) -> Out<'py> {
        Ok(self.b.text(v.encode_utf8(&mut [0; 4])))
    }
    fn serialize_str(self, v: &str) -> Out<'py> {
        Ok(self.b.text(v))
    }
    fn serialize_bytes(self, v: &[u8]) -> Out<'py> {
        let py = self.b.py;
        let items = v
            .iter()
            .map(|n| self.b.number(itoa::Buffer::new().format(*n)))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(PyList::new(py, items).map_err(Error)?.into_any())
    }
    fn serialize_none(self) -> Out<'py> {
        Ok(self.b.none())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Out<'py> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Out<'py> {
        Ok(self.b.none())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Out<'py> {
        Ok(self.b.none())
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Out<'py> {
        Ok(self.b.text(variant))
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Out<'py> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Out<'py> {
        let py = self.b.py;
        let inner = value.serialize(Ser { b: &mut *self.b })?;
        let d = PyDict::new(py);
        self.b.key = true;
        let k = self.b.text(variant);
        d.set_item(k, inner).map_err(Error)?;
        Ok(d.into_any())
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Seq<'a, 'py>, Error> {
        Ok(Seq {
            b: self.b,
            items: Vec::with_capacity(len.unwrap_or(0).min(KEEP_MAX)),
            variant: None,
        })
    }
    fn serialize_tuple(self, len: usize) -> Result<Seq<'a, 'py>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<Seq<'a, 'py>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Seq<'a, 'py>, Error> {
        let mut s = self.serialize_seq(Some(len))?;
        s.variant = Some(variant);
        Ok(s)
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Map<'a, 'py>, Error> {
        let dict = PyDict::new(self.b.py);
        Ok(Map {
            b: self.b,
            dict,
            key: None,
            variant: None,
            number: false,
        })
    }
    fn serialize_struct(self, name: &'static str, len: usize) -> Result<Map<'a, 'py>, Error> {
        let mut m = self.serialize_map(Some(len))?;
        m.number = name == NUMBER_TOKEN;
        Ok(m)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Map<'a, 'py>, Error> {
        let mut m = self.serialize_map(Some(len))?;
        m.variant = Some(variant);
        Ok(m)
    }
}

impl<'py> Ser<'_, 'py> {
    /// A float as serde_json writes it (its shortest text; `null` when not finite), read as
    /// `parse_float=Decimal` reads that text.
    fn float(self, text: Result<String, serde_json::Error>) -> Out<'py> {
        let text = text.map_err(ser::Error::custom)?;
        if text == "null" {
            Ok(self.b.none())
        } else {
            self.b.number(&text)
        }
    }
}

/// A list being built (under a variant's name: `{variant: [...]}`).
struct Seq<'a, 'py> {
    b: &'a mut Builder<'py>,
    items: Vec<Bound<'py, PyAny>>,
    variant: Option<&'static str>,
}

impl<'py> Seq<'_, 'py> {
    fn push<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        let v = value.serialize(Ser { b: &mut *self.b })?;
        self.items.push(v);
        Ok(())
    }

    fn finish(self) -> Out<'py> {
        let py = self.b.py;
        let list = PyList::new(py, self.items).map_err(Error)?.into_any();
        wrap(self.b, self.variant, list)
    }
}

/// `{variant: value}` for a variant, else the value.
fn wrap<'py>(
    b: &mut Builder<'py>,
    variant: Option<&'static str>,
    value: Bound<'py, PyAny>,
) -> Out<'py> {
    let Some(v) = variant else {
        return Ok(value);
    };
    let d = PyDict::new(b.py);
    b.key = true;
    let k = b.text(v);
    d.set_item(k, value).map_err(Error)?;
    Ok(d.into_any())
}

/// serde's four list-like traits, each one call: an element or a field pushed, the list made.
macro_rules! list_like {
    ($($tr:ident :: $m:ident),*) => {$(
        impl<'py> ser::$tr for Seq<'_, 'py> {
            type Ok = Bound<'py, PyAny>;
            type Error = Error;
            fn $m<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
                self.push(value)
            }
            fn end(self) -> Out<'py> {
                self.finish()
            }
        }
    )*};
}

list_like!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

/// A dict being built (under a variant's name: `{variant: {...}}`), or an exact number's
/// one-field struct (`number`: its field is the number's text).
struct Map<'a, 'py> {
    b: &'a mut Builder<'py>,
    dict: Bound<'py, PyDict>,
    key: Option<Bound<'py, PyAny>>,
    variant: Option<&'static str>,
    number: bool,
}

impl<'py> Map<'_, 'py> {
    fn field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Error> {
        let v = value.serialize(Ser { b: &mut *self.b })?;
        if self.number {
            // The digits, as `parse_float`/`parse_int` read them.
            let text: String = v.extract().map_err(Error)?;
            let d = self.b.number(&text)?;
            self.b.key = true;
            let k = self.b.text(key);
            return self.dict.set_item(k, d).map_err(Error);
        }
        self.b.key = true;
        let k = self.b.text(key);
        self.dict.set_item(k, v).map_err(Error)
    }

    fn finish(self) -> Out<'py> {
        if self.number {
            // The number itself, not the struct around it.
            if let Some((_, d)) = self.dict.iter().next() {
                return Ok(d);
            }
        }
        let dict = self.dict.into_any();
        wrap(self.b, self.variant, dict)
    }
}

impl<'py> ser::SerializeMap for Map<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        self.key = Some(self.b.key_of(key)?);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        let v = value.serialize(Ser { b: &mut *self.b })?;
        let k = self
            .key
            .take()
            .ok_or_else(|| <Error as ser::Error>::custom("a map value without its key"))?;
        self.dict.set_item(k, v).map_err(Error)
    }
    fn end(self) -> Out<'py> {
        self.finish()
    }
}

/// serde's two struct traits: a field set, the dict made.
macro_rules! struct_like {
    ($($tr:ident),*) => {$(
        impl<'py> ser::$tr for Map<'_, 'py> {
            type Ok = Bound<'py, PyAny>;
            type Error = Error;
            fn serialize_field<T: Serialize + ?Sized>(
                &mut self,
                key: &'static str,
                value: &T,
            ) -> Result<(), Error> {
                self.field(key, value)
            }
            fn end(self) -> Out<'py> {
                self.finish()
            }
        }
    )*};
}

struct_like!(SerializeStruct, SerializeStructVariant);
